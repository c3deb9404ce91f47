import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import type { AppContext } from '../../context.js';
import { badRequest, DomainError, payloadTooLarge } from '../../lib/errors.js';
import { acceptedMediaType } from './media-types.js';
import { readEvidenceSettings } from './settings.js';
import { type EvidenceStore, evidenceStore } from './store.js';

/** Bytes checked (type sniffed from the content, size limit) and written to the content-addressed store. */
export interface StoredContent {
  sha256: string;
  size: number;
  mediaType: string;
}

/** What storing content needs: the database for the size limit, the data directory for the store. */
export type ContentContext = Pick<AppContext, 'db'> & { config: Pick<AppContext['config'], 'dataDir'> };

export interface Declared {
  filename: string;
  mediaType?: string;
}

/** Content checked and staged on local disk, not yet in the store. */
export interface StagedContent extends StoredContent {
  stagedFile: string;
}

/** Is the whole stream valid UTF-8 without NULs? Decided chunk by chunk; binary data fails within its first bytes. */
class TextCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private ok = true;

  push(chunk: Buffer): void {
    if (!this.ok) return;
    try {
      this.ok = !chunk.includes(0);
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.ok = false;
    }
  }

  end(): boolean {
    try {
      if (this.ok) this.decoder.decode();
    } catch {
      this.ok = false;
    }
    return this.ok;
  }
}

/**
 * Stream one upload to a staging file while hashing and counting it; stop at the size limit; then
 * decide its type from the bytes. Whatever is refused leaves no file behind.
 */
export async function stageContent(
  store: EvidenceStore,
  content: Buffer | Readable,
  declared: Declared,
  maxBytes: number,
): Promise<StagedContent> {
  const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
  const stagedFile = await store.stagingPath();
  const hash = createHash('sha256');
  const text = new TextCheck();
  let size = 0;
  try {
    const file = await open(stagedFile, 'wx');
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw payloadTooLarge('evidence_too_large', { maxBytes });
        hash.update(chunk);
        text.push(chunk);
        await file.write(chunk);
      }
      await file.sync();
    } finally {
      await file.close();
    }
    if (size === 0) throw badRequest('evidence_empty');
    const sniffed = await fileTypeFromFile(stagedFile);
    const mediaType = acceptedMediaType({ mediaType: sniffed?.mime, utf8Text: text.end() }, declared);
    return { sha256: hash.digest('hex'), size, mediaType, stagedFile };
  } catch (error) {
    await rm(stagedFile, { force: true });
    // The multipart parser's own ceiling (server/app.ts) fails the stream with a 413 of its own.
    const tooLarge = !(error instanceof DomainError) && (error as { statusCode?: number }).statusCode === 413;
    throw tooLarge ? payloadTooLarge('evidence_too_large', { maxBytes }) : error;
  }
}

/** Remove staged files that will not be stored (another upload of the same request was refused). */
export async function discardStaged(staged: StagedContent[]): Promise<void> {
  await Promise.all(staged.map((s) => rm(s.stagedFile, { force: true })));
}

/** Move staged content into the store; from here on the bytes are kept under their hash. */
export async function keepStaged(store: EvidenceStore, staged: StagedContent): Promise<StoredContent> {
  await store.put(staged.sha256, staged.stagedFile);
  return { sha256: staged.sha256, size: staged.size, mediaType: staged.mediaType };
}

/** Check and store the bytes of one upload; throws 415 (type not allowed / lies about its type) or 413 (too large). */
export async function storeContent(
  ctx: ContentContext,
  content: Buffer | Readable,
  declared: Declared,
): Promise<StoredContent> {
  const store = evidenceStore(ctx.config);
  const { maxBytes } = await readEvidenceSettings(ctx.db);
  return keepStaged(store, await stageContent(store, content, declared, maxBytes));
}
