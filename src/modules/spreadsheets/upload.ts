import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { badRequest, payloadTooLarge, unsupportedMediaType } from '../../lib/errors.js';

/** The largest spreadsheet accepted by upload (about 100,000 rows); `kesu import` has no limit. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * The uploaded file (multipart field `file`) in a private temp dir, so that it can be sniffed and
 * read as a whole; `done()` removes it. Too large: 413 and nothing is imported.
 */
export async function receiveUpload(req: FastifyRequest): Promise<{ path: string; done(): Promise<void> }> {
  if (!req.isMultipart()) throw unsupportedMediaType();
  const dir = await mkdtemp(join(tmpdir(), 'kesu-import-'));
  const done = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload');
  let received = false;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES } })) {
      if (part.type !== 'file') continue;
      // The first file of the field `file` is the spreadsheet; any other is read past.
      if (part.fieldname !== 'file' || received) {
        part.file.resume();
        continue;
      }
      const file = part.file as Readable & { truncated?: boolean };
      await pipeline(file, createWriteStream(path, { mode: 0o600 }));
      if (file.truncated) throw payloadTooLarge('payload_too_large', { maxBytes: MAX_IMPORT_BYTES });
      received = true;
    }
    if (!received) throw badRequest('validation_failed', [{ path: '/file', code: 'required' }]);
    return { path, done };
  } catch (error) {
    await done();
    // The multipart plugin reports a file over the limit as its own 413 error.
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw payloadTooLarge('payload_too_large', { maxBytes: MAX_IMPORT_BYTES });
    throw error;
  }
}
