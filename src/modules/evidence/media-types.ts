import { unsupportedMediaType } from '../../lib/errors.js';

/**
 * The kinds of evidence Kesu accepts (photos, video, call recordings, documents), each with the
 * media types a sniffer or a browser may call it and its file extensions. Types of one `family`
 * share a container, so a declared one is not contradicted by another (a phone's `.m4a` recording
 * in an `mp42` box is sniffed as video/mp4).
 */
interface EvidenceType {
  mediaType: string;
  family: string;
  aliases: readonly string[];
  extensions: readonly string[];
}

const TYPES: readonly EvidenceType[] = [
  {
    mediaType: 'image/jpeg',
    family: 'jpeg',
    aliases: ['image/jpg', 'image/pjpeg'],
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
  },
  { mediaType: 'image/png', family: 'png', aliases: ['image/x-png'], extensions: ['png'] },
  { mediaType: 'image/gif', family: 'gif', aliases: [], extensions: ['gif'] },
  { mediaType: 'image/webp', family: 'webp', aliases: [], extensions: ['webp'] },
  {
    mediaType: 'image/heic',
    family: 'heic',
    aliases: ['image/heif', 'image/heic-sequence', 'image/heif-sequence'],
    extensions: ['heic', 'heif'],
  },
  { mediaType: 'application/pdf', family: 'pdf', aliases: ['application/x-pdf'], extensions: ['pdf'] },
  { mediaType: 'video/mp4', family: 'mp4', aliases: ['video/x-m4v'], extensions: ['mp4', 'm4v'] },
  { mediaType: 'video/quicktime', family: 'mp4', aliases: [], extensions: ['mov', 'qt'] },
  { mediaType: 'audio/mp4', family: 'mp4', aliases: ['audio/x-m4a', 'audio/m4a'], extensions: ['m4a'] },
  {
    mediaType: 'audio/mpeg',
    family: 'mp3',
    aliases: ['audio/mp3', 'audio/mpeg3', 'audio/x-mpeg'],
    extensions: ['mp3'],
  },
  {
    mediaType: 'audio/wav',
    family: 'wav',
    aliases: ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
    extensions: ['wav'],
  },
  { mediaType: 'audio/amr', family: 'amr', aliases: [], extensions: ['amr'] },
  {
    mediaType: 'text/plain',
    family: 'text',
    aliases: ['text/csv'],
    extensions: ['txt', 'text', 'log', 'csv'],
  },
];

/** Declared types that claim nothing about the content. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const bareType = (mediaType: string) => (mediaType.split(';')[0] ?? '').trim().toLowerCase();
const byMediaType = (mediaType: string) =>
  TYPES.find((t) => t.mediaType === mediaType || t.aliases.includes(mediaType));
const extensionOf = (filename: string) => {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
};

/** What the bytes are, as file-type sniffed them; plain text is not something it can detect. */
export interface Sniffed {
  mediaType: string | undefined;
  /** Valid UTF-8 without NUL bytes. */
  utf8Text: boolean;
}

/**
 * The media type evidence is stored and served under, decided by its content. A declared type
 * (the part's media type, the file name's extension) that names a type we know and contradicts the
 * content is refused as a lie, before asking whether the content is allowed, so that an executable
 * called `a.png` is reported as a mismatch; claims we cannot interpret are left to the content.
 */
export function acceptedMediaType(
  sniffed: Sniffed,
  declared: { filename: string; mediaType?: string },
): string {
  const detected = sniffed.mediaType ?? (sniffed.utf8Text ? 'text/plain' : 'application/octet-stream');
  const type = byMediaType(detected);
  const declaredType = bareType(declared.mediaType ?? '');
  const ext = extensionOf(declared.filename);
  const claims: Array<[said: string, type: EvidenceType | undefined]> = [
    [declaredType, GENERIC.has(declaredType) ? undefined : byMediaType(declaredType)],
    [`.${ext}`, TYPES.find((t) => t.extensions.includes(ext))],
  ];
  const lie = claims.find(([, claim]) => claim && claim.family !== type?.family);
  if (lie) throw unsupportedMediaType('evidence_type_mismatch', { detected, declared: lie[0] });
  if (!type)
    throw unsupportedMediaType('evidence_type_not_allowed', { detected, declared: declaredType || null });
  return type.mediaType;
}

const MAX_FILENAME = 200;

/** A file name safe to show and to send back: no directories, no control or format characters, at most 200 characters. */
export function sanitizeFilename(name: string, mediaType: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const text = base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  const clean = Array.from(text);
  if (/^\.*$/.test(text)) return `evidence.${byMediaType(mediaType)?.extensions[0] ?? 'bin'}`;
  if (clean.length <= MAX_FILENAME) return clean.join('');
  // Keep a short extension so that the download still opens with the right program.
  const ext = extensionOf(text);
  const tail = ext && ext.length <= 10 ? `.${ext}` : '';
  return clean.slice(0, MAX_FILENAME - tail.length).join('') + tail;
}
