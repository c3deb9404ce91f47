// CONTRACT (being implemented): the evidence module's public functions.
import type { Readable } from 'node:stream';
import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';

export type EvidenceSource = 'staff' | 'customer' | 'email' | 'import';

/** Bytes checked (type sniffed from the content, size limit) and written to the content-addressed store. */
export interface StoredContent {
  sha256: string;
  size: number;
  mediaType: string;
}

/** Check and store the bytes of one upload; throws 415 (type not allowed / lies about its type) or 413 (too large). */
export async function storeContent(
  _ctx: { config: { dataDir: string } } | ActorContext,
  _content: Buffer | Readable,
  _declared: { filename: string; mediaType?: string },
): Promise<StoredContent> {
  throw new Error('not implemented yet');
}

/** Insert the evidence row for stored content inside the caller's transaction, with its history event. */
export async function insertEvidence(
  _tx: Tx,
  _ctx: ActorContext,
  _complaintId: number,
  _stored: StoredContent,
  _meta: { filename: string; source: EvidenceSource; note?: string | null },
): Promise<number> {
  throw new Error('not implemented yet');
}

/** Add one piece of evidence to a complaint the actor may act on (staff or the customer on the portal). */
export async function addEvidence(
  _ctx: ActorContext,
  _number: string,
  _upload: { filename: string; content: Buffer | Readable; mediaType?: string; note?: string | null },
  _source: EvidenceSource,
): Promise<{ id: number; sha256: string; mediaType: string; size: number; filename: string }> {
  throw new Error('not implemented yet');
}
