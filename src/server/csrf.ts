import type { FastifyRequest } from 'fastify';
import { forbidden } from '../lib/errors.js';
import type { Http } from './http.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin (scheme://host[:port]) of a URL, normalised as browsers send it; null when it is not a URL. */
export function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Where a state-changing browser request came from, by its Origin header or else its Referer; null: neither was sent. */
function claimedOrigin(req: FastifyRequest): string | 'unknown' | null {
  const origin = req.headers.origin;
  if (origin !== undefined) return originOf(origin) ?? 'unknown';
  const referer = req.headers.referer;
  if (referer !== undefined) return originOf(referer) ?? 'unknown';
  return null;
}

/**
 * Cross-site request forgery: a state-changing request a browser sends from another origin carries
 * the victim's session cookie (SameSite=Lax does not stop pages on another port of the same host,
 * which are the same site). So every POST/PUT/PATCH/DELETE that is not an API-token call must come
 * from Kesu's own origin — the one the request was sent to (Host and protocol, as the proxy tells
 * them when trusted), KESU_PUBLIC_URL's, or one listed in KESU_ALLOWED_ORIGINS — by its Origin
 * header, or its Referer when it has none; `Sec-Fetch-Site: cross-site` is refused outright.
 * This covers the staff console's cookie, the portal customer's proof, and both sign-ins (login CSRF).
 * Requests with neither header come from programs, not browsers (every browser sends Origin on
 * these methods), and pass, as do bearer-token calls, which no browser adds by itself.
 */
export function registerCsrfCheck(
  http: Http,
  trusted: { publicUrl: string; allowedOrigins: string[] },
): void {
  const fixed = new Set(
    [trusted.publicUrl, ...trusted.allowedOrigins].map(originOf).filter((o): o is string => o !== null),
  );
  http.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    if (req.headers.authorization?.startsWith('Bearer ')) return;
    if (req.headers['sec-fetch-site'] === 'cross-site') throw forbidden('cross_origin_request');
    const claimed = claimedOrigin(req);
    if (claimed === null) return;
    if (
      claimed !== 'unknown' &&
      (fixed.has(claimed) || claimed === originOf(`${req.protocol}://${req.host}`))
    )
      return;
    throw forbidden('cross_origin_request');
  });
}
