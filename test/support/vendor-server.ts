import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
export type Reply = { status: number; body: unknown };

export interface VendorOptions {
  /** Answer each request only after this long (a slow vendor). */
  delayMs?: number;
}

/**
 * A vendor stand-in on 127.0.0.1 that records each request and answers with `reply`. Like real
 * SMS vendors, it delivers a message once per `Idempotency-Key`: a request repeating a key it has
 * accepted is answered as the first one was, and not delivered again.
 */
export async function vendor(reply: (request: Received) => Reply, options: VendorOptions = {}) {
  const received: Received[] = [];
  const delivered: Received[] = [];
  const answered = new Map<string, Reply>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const key = req.headers['idempotency-key'];
      const before = typeof key === 'string' ? answered.get(key) : undefined;
      const answer = before ?? reply(request);
      if (!before) {
        if (typeof key === 'string' && answer.status < 300) answered.set(key, answer);
        if (answer.status < 300) delivered.push(request);
      }
      const send = () => {
        res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
      };
      if (options.delayMs) setTimeout(send, options.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** The requests that made a message reach someone (2xx, key not seen before). */
    delivered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
