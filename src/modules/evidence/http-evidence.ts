import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, unsupportedMediaType } from '../../lib/errors.js';
import { isStorableText } from '../../lib/storable.js';
import type { UploadPart } from './add-evidence.js';
import type { openEvidence } from './queries.js';

const NOTE_MAX = 2000;

/**
 * The parts of a multipart upload as the evidence module takes them: each file of the field `file`
 * as a stream, read one after the other, and an optional `note`. The portal's upload uses it too.
 * A request that is not multipart is refused with 415. An upload refused before its body is read
 * to the end has the rest read and discarded by the server (server/unread-body.ts).
 */
export function multipartUploads(req: FastifyRequest): AsyncIterable<UploadPart> {
  if (!req.isMultipart()) throw unsupportedMediaType();
  return (async function* () {
    for await (const part of req.parts()) {
      if (part.type === 'file' && part.fieldname === 'file') {
        // A form sent without choosing a file has an empty part with no name.
        if (part.filename === '') part.file.resume();
        else if (!isStorableText(part.filename)) {
          part.file.resume();
          throw badRequest('validation_failed', [{ path: '/file', code: 'invalid_characters' }]);
        } else yield { kind: 'file', filename: part.filename, mediaType: part.mimetype, content: part.file };
      } else if (part.type === 'field' && part.fieldname === 'note' && typeof part.value === 'string') {
        if (part.value.length > NOTE_MAX)
          throw badRequest('validation_failed', [
            { path: '/note', code: 'maxLength', params: { limit: NOTE_MAX } },
          ]);
        if (!isStorableText(part.value))
          throw badRequest('validation_failed', [{ path: '/note', code: 'invalid_characters' }]);
        if (part.value.trim()) yield { kind: 'note', value: part.value.trim() };
      } else {
        if (part.type === 'file') part.file.resume();
        throw badRequest('validation_failed', [{ path: `/${part.fieldname}`, code: 'unknown_field' }]);
      }
    }
  })();
}

/** RFC 6266: a plain ASCII name for old clients and the exact UTF-8 name for the rest. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Send opened evidence as a download that no browser renders in place; the portal's download uses it too. */
export function sendEvidence(
  reply: FastifyReply,
  { meta, stream }: Awaited<ReturnType<typeof openEvidence>>,
) {
  return reply
    .type(meta.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : meta.mediaType)
    .header('content-length', meta.size)
    .header('content-disposition', attachment(meta.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(stream);
}
