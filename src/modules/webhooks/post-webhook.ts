import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress, privateTargetsAllowed } from './target-url.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;
const SNIPPET_BYTES = 1024;

export interface PostResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseSnippet: string | null;
  /** The target's address was refused (private or loopback): retrying cannot help. */
  refused: boolean;
}

/** A refused target address; retrying it cannot help. */
export class RefusedAddressError extends Error {
  constructor(readonly address: string) {
    super(`refused to send to a private or loopback address (${address})`);
    this.name = 'RefusedAddressError';
  }
}

/**
 * Resolve as usual, then refuse a non-public address unless allowed. The connection goes to the
 * address checked here, so a name cannot resolve to a public address for the check and a private
 * one for the request.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const allowed = privateTargetsAllowed();
    const refused = addresses.find((a) => !allowed && isPrivateAddress(a.address));
    if (refused) return callback(new RefusedAddressError(refused.address), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
    callback(null, first.address, first.family);
  });
};

/**
 * POST a JSON body: the answer's status and first bytes, or the error; never throws. Redirects are
 * not followed (a 3xx is not a delivery). Gives up after WEBHOOK_TIMEOUT_MS.
 */
export function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
): Promise<PostResult> {
  const started = performance.now();
  const url = new URL(target);
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!privateTargetsAllowed() && isPrivateAddress(literal))
    return Promise.resolve(failure(new RefusedAddressError(literal), started));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body).toString(),
          'user-agent': 'Kesu-Webhooks/1',
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < SNIPPET_BYTES) {
            chunks.push(chunk.subarray(0, SNIPPET_BYTES - kept));
            kept += Math.min(chunk.length, SNIPPET_BYTES - kept);
          }
        });
        const done = (error: string | null) =>
          resolve({
            statusCode: res.statusCode ?? null,
            durationMs: elapsed(started),
            error,
            responseSnippet: Buffer.concat(chunks).toString('utf8') || null,
            refused: false,
          });
        res.on('end', () => done(null));
        res.on('error', (e) => done(e.message));
      },
    );
    req.on('error', (error) => resolve(failure(error, started)));
    req.end(body);
  });
}

const elapsed = (started: number) => Math.round(performance.now() - started);

function failure(error: Error, started: number): PostResult {
  const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
  return {
    statusCode: null,
    durationMs: elapsed(started),
    error: timedOut ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : error.message,
    responseSnippet: null,
    refused: error instanceof RefusedAddressError,
  };
}
