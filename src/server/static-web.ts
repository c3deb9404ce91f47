import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Http } from './http.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The built console: dist/web beside the compiled server, or KESU_WEB_DIST. */
export function webRoot(): string | null {
  const candidates = [
    process.env.KESU_WEB_DIST,
    resolve(here, '../../web'), // dist/src/server → dist/web
    resolve(here, '../../dist/web'), // src/server (tsx, tests) → dist/web
  ].filter((d): d is string => !!d);
  return candidates.find((d) => existsSync(resolve(d, 'index.html'))) ?? null;
}

/** Pages of the customer portal; everything else that is not the API is the staff console. */
const isPortalPath = (url: string) =>
  url === '/portal' || url.startsWith('/portal/') || url.startsWith('/track/');

/**
 * Serve the built console and portal on the API's port: hashed assets cached for good, the two
 * HTML pages for every client-side route. The API's own 404s stay problem+json.
 */
export async function registerWeb(http: Http): Promise<boolean> {
  const root = webRoot();
  if (!root) return false;
  await http.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    wildcard: false,
    setHeaders: (reply, path) => {
      if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const page = (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '/';
    return reply
      .header('cache-control', 'no-cache')
      .sendFile(isPortalPath(path) ? 'portal.html' : 'index.html');
  };
  http.get('/', { schema: { hide: true } }, page);
  http.get('/*', { schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) return reply.callNotFound();
    if (path.startsWith('/assets/')) return reply.sendFile(path.slice(1));
    return page(req, reply);
  });
  return true;
}
