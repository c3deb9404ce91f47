import { createHash } from 'node:crypto';

/** Complaint numbers anywhere in a subject: `Re: 【受理函】您的投诉 KS20261123-000007 已受理`. */
export function complaintNumbersIn(subject: string): string[] {
  return [...new Set(subject.match(/KS\d{8}-\d{6,}/g) ?? [])];
}

/**
 * The key a mail is remembered by: its Message-ID, or where it has none its place on the server
 * (`<mailbox>/<uidValidity>/<uid>`). Overlong ids are hashed to keep the key a sane size.
 */
export function messageKey(
  messageId: string | undefined,
  place: { mailbox: string; uidValidity: string; uid: number },
): string {
  const id = messageId?.trim();
  if (!id) return `${place.mailbox}/${place.uidValidity}/${place.uid}`;
  return id.length > 255 ? `sha256:${createHash('sha256').update(id).digest('hex')}` : id;
}

/** At most `max` characters (code points, as the schemas count them), trimmed. */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  return Array.from(trimmed).slice(0, max).join('').trim();
}

/**
 * The language to answer a mail in: English when the customer wrote in Latin letters without a single
 * Chinese character (subject and body); Chinese otherwise, and for a mail with no words.
 */
export function mailLocale(...texts: string[]): 'zh-CN' | 'en' {
  const all = texts.join('\n');
  // A word: two letters or more standing alone (not a number's prefix like KS2026…).
  const word = /(^|[^A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])/;
  return /\p{Script=Han}/u.test(all) || !word.test(all) ? 'zh-CN' : 'en';
}

/** The complainant's name: the From display name, or the local part of the address. */
export function senderName(from: { name?: string; address?: string }, max: number): string {
  const name = clip(from.name ?? '', max);
  if (name) return name;
  const local = (from.address ?? '').split('@')[0] ?? '';
  return clip(local, max) || '—';
}

// Lines where mail clients start the quoted original: "On … wrote:", "在 … 写道：", Outlook's and
// Foxmail/QQ's separators and header blocks.
const QUOTE_STARTS = [
  /^On\b.*\bwrote:\s*$/i,
  /^在.*写道[:：]\s*$/,
  /^-{2,}\s*(Original Message|原始邮件|Forwarded message|转发的邮件)\s*-{2,}/i,
  /^_{10,}\s*$/,
  /^(From|发件人)\s*[:：].+/i,
];

/**
 * The new part of a reply: everything before the quoted original, without `>` lines. Deliberately
 * simple; when it would leave nothing, the whole text is kept rather than losing the customer's words.
 */
export function withoutQuotedReply(text: string): string {
  const kept: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const bare = line.trim();
    if (QUOTE_STARTS.some((p) => p.test(bare))) break;
    if (bare.startsWith('>')) continue;
    kept.push(line);
  }
  const reply = kept.join('\n').trim();
  return reply || text.trim();
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntity(entity: string): string {
  if (entity[0] === '#') {
    const code =
      entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return ENTITIES[entity.toLowerCase()] ?? `&${entity};`;
}

/** Remove `<script>`/`<style>`/`<head>` elements in one left-to-right pass (no backtracking). */
function dropInvisible(html: string): string {
  const open = /<(script|style|head)\b[^>]*>/gi;
  let out = '';
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    out += html.slice(from, m.index);
    const close = new RegExp(`</${m[1]}\\s*>`, 'gi');
    close.lastIndex = open.lastIndex;
    const end = close.exec(html);
    from = end ? close.lastIndex : html.length;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}

/** Readable text of an HTML body (for mails without a text part): block ends become line breaks. */
export function htmlToText(html: string): string {
  return dropInvisible(html)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|table|pre)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (_, e: string) => decodeEntity(e))
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
