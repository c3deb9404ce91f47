import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, PNG } from '../evidence/support.js';
import { login, sessionCookie } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** KESU_REQUEST_TIMEOUT of the server under test, short so that the test need not wait a minute. */
const REQUEST_TIMEOUT_MS = 1000;

interface Exchange {
  /** Everything the server sent, as text. */
  answer: string;
  /** The socket error the client saw (ECONNRESET, EPIPE), if any. */
  error: string | null;
  /** Body bytes the client got to send before it stopped or was cut off. */
  sent: number;
  /** Whether the server closed the connection before the client had sent all of the body. */
  cutOff: boolean;
}

/**
 * A client on a real socket: it sends the head, then the body in pieces with a pause after each,
 * reading whatever the server answers meanwhile — as a browser on a slow link does.
 */
function send(port: number, head: string, body: Buffer, piece: number, pauseMs: number): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const received: Buffer[] = [];
    let error: string | null = null;
    let sent = 0;
    let closed = false;
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', () => {
      closed = true;
      resolve({ answer: Buffer.concat(received).toString('utf8'), error, sent, cutOff: sent < body.length });
    });
    socket.on('connect', async () => {
      socket.write(head);
      while (sent < body.length && !closed && !socket.destroyed) {
        const next = body.subarray(sent, sent + piece);
        if (!socket.write(next)) await new Promise((r) => socket.once('drain', r));
        sent += next.length;
        await sleep(pauseMs);
      }
      // All sent: give the server a moment to answer, then hang up politely.
      await sleep(200);
      if (!closed) socket.end();
    });
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const problemOf = (answer: string) =>
  JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { code: string };

describe.each(DIALECTS)('slow and refused clients on %s', (dialect) => {
  let t: TestApp;
  let port: number;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp(dialect, { appOptions: { requestTimeoutMs: REQUEST_TIMEOUT_MS } });
    // A handler that outlives the request timeout, its transaction still running (the test's own route).
    // With a JSON body `{ "key": … }`, the setting it writes is named by it.
    t.http.post('/api/v1/test/slow-work', async (req) => {
      const key = (req.body as { key?: string } | undefined)?.key ?? 'slow_work';
      await t.app.db.transaction().execute(async (tx) => {
        await sleep(3 * REQUEST_TIMEOUT_MS);
        await tx.insertInto('settings').values({ key, value: '"done"', updated_at: 0 }).execute();
      });
      return { done: true };
    });
    await t.http.listen({ host: '127.0.0.1', port: 0 });
    port = (t.http.server.address() as AddressInfo).port;
    cookie = await sessionCookie(t.http, 'agent');
  });
  afterAll(() => t.close());

  /** What the slow handler's transaction wrote under `key`, once it has committed. */
  const settingWritten = async (key: string) =>
    (await t.app.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;

  const head = (method: string, path: string, headers: Record<string, string | number>) =>
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n')}\r\n\r\n`;
  const largeUpload = (bytes: number) =>
    multipart([{ filename: 'video.mp4', contentType: 'video/mp4', data: Buffer.alloc(bytes, 7) }]);

  it('answers an upload refused before its body is read with the status, not a reset', async () => {
    // Nobody may see this complaint (404): the refusal comes before a byte of the 8 MiB body is read.
    const { payload, headers } = largeUpload(8 * 1024 * 1024);
    const x = await send(
      port,
      head('POST', '/api/v1/complaints/KS20990101-999999/evidence', {
        ...headers,
        'Content-Length': payload.length,
      }),
      payload,
      64 * 1024,
      2,
    );
    expect(statusOf(x.answer)).toBe(404);
    expect(problemOf(x.answer).code).toBe('complaint_not_found');
    expect(x.error).toBeNull();
    expect(x.cutOff).toBe(false);
  });

  it('cuts off a client that sends its body too slowly, answering 503 timeout first', async () => {
    const body = Buffer.from(JSON.stringify(buildComplaint(t.org)));
    // One byte every 50 ms: the whole body would take minutes.
    const x = await send(
      port,
      head('POST', '/api/v1/complaints', {
        'Content-Type': 'application/json',
        'Content-Length': body.length,
      }),
      body,
      1,
      50,
    );
    expect(statusOf(x.answer)).toBe(503);
    expect(x.answer).toContain('application/problem+json');
    expect(problemOf(x.answer).code).toBe('timeout');
    expect(x.cutOff).toBe(true);
    expect(x.sent).toBeLessThan(body.length / 2);
  });

  it('answers 503 timeout for a handler still running, whose transaction then commits by itself', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/test/slow-work`, { method: 'POST' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await res.json()).toMatchObject({ status: 503, code: 'timeout' });
    await expect.poll(() => settingWritten('slow_work')).toBe('"done"');
  });

  it('answers 503 timeout for a handler still running after it has read a JSON body', async () => {
    // The handler answers 200 when done: a 503 is the timeout's.
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/test/slow-work`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'slow_work_with_body' }),
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 503, code: 'timeout' });
    await expect.poll(() => settingWritten('slow_work_with_body')).toBe('"done"');
  });

  it('gives an upload longer than the request timeout the time it needs', async () => {
    const agent = await login(t.http, 'agent');
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
    const { payload, headers } = multipart([{ filename: 'parcel.png', contentType: 'image/png', data: PNG }]);
    // The body in ten pieces with pauses that add up to three request timeouts.
    const piece = Math.ceil(payload.length / 10);
    const x = await send(
      port,
      head('POST', `/api/v1/complaints/${number}/evidence`, {
        ...headers,
        'Content-Length': payload.length,
      }),
      payload,
      piece,
      (3 * REQUEST_TIMEOUT_MS) / 10,
    );
    expect(statusOf(x.answer)).toBe(201);
    expect(x.error).toBeNull();
  });
});
