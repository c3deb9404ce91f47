import helmet from 'helmet';
import type { Http } from './http.js';

/**
 * Security headers on every answer (pages, JSON, problem+json, files), from helmet:
 * `nosniff`, no framing by anyone (clickjacking), a referrer only to Kesu itself (tracking links
 * name complaints), HSTS when Kesu is served over https, and one Content-Security-Policy for the
 * console, the portal and Swagger UI at /api/docs.
 *
 * The policy allows no inline script: Vite emits the pages with external module scripts only, and
 * the static server adds none. Styles do need 'unsafe-inline': Ant Design's CSS-in-JS writes
 * <style> elements at run time and its components (and Swagger UI's) set style attributes. A nonce
 * would cover the <style> elements only (antd's ConfigProvider `csp.nonce`), not the attributes,
 * and would need the HTML rendered per request; inline styles cannot run code, inline scripts can.
 *
 * Helmet's middleware is built once. (@fastify/helmet builds it again for every request: about 2 %
 * of a registration's time went to reading the same options again.)
 */
export function registerSecurityHeaders(http: Http, publicUrl: string): void {
  const https = publicUrl.startsWith('https:');
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    // Browsers send `Origin: null` on same-origin POSTs under `no-referrer`; the CSRF check needs the real one.
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
  });
  http.addHook('onRequest', (req, reply, done) => setHeaders(req.raw, reply.raw, () => done()));
}
