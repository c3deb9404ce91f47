import { type ClientRequest, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { buildComplaint } from '../support/factories.js';
import {
  killAll,
  postJson,
  sessionCookie,
  smsThrough,
  startServe,
  waitFor,
} from '../support/kesu-process.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { vendor } from '../support/vendor-server.js';

/** A POST whose body the client has only begun to send. */
function slowPost(url: string, cookie: string, body: string) {
  const bytes = Buffer.from(body);
  const req: ClientRequest = request(url, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': bytes.length, cookie },
  });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.once('error', reject);
  });
  req.write(bytes.subarray(0, 10));
  answer.catch(() => undefined);
  return { answer, finish: () => req.end(bytes.subarray(10)) };
}

const refused = (url: string) =>
  fetch(`${url}/health`).then(
    () => false,
    (error: { cause?: { code?: string } }) => error.cause?.code === 'ECONNREFUSED',
  );

describe.each(DIALECTS)('SIGTERM on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await killAll();
    await t?.close();
  });

  it('stops accepting at once, finishes the request in flight, hands the running job back and exits', async () => {
    t = await startTestApp(dialect);
    // The SMS gateway holds every request: the acknowledgment notice stays mid-send.
    const gateway = await vendor(() => ({ status: 200, body: { id: 'sms-1' } }), { delayMs: 120_000 });
    await smsThrough(t, gateway.url);
    const kesu = await startServe({ DATABASE_URL: t.url, KESU_SHUTDOWN_SECONDS: '20' });
    const cookie = await sessionCookie(kesu.url, 'agent');
    const first = await postJson(`${kesu.url}/api/v1/complaints`, cookie, buildComplaint(t.org));
    expect(first.status).toBe(201);
    // 受理: the acknowledgment goes to the customer by SMS.
    const accepted = await postJson(`${kesu.url}/api/v1/complaints/${first.body.number}/accept`, cookie, {});
    expect(accepted.status).toBe(200);
    await waitFor(() => gateway.received.length > 0, 'the notice to reach the gateway');

    const inFlight = slowPost(`${kesu.url}/api/v1/complaints`, cookie, JSON.stringify(buildComplaint(t.org)));
    // The server must have read the request's head before the signal, or it is a new request (503).
    // A request on a second connection, answered, shows the server has read what came before it; a
    // busy machine (the start-up jobs, other test files) is then given a moment more.
    expect((await fetch(`${kesu.url}/health`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    kesu.child.kill('SIGTERM');
    await waitFor(() => /shutting down/.test(kesu.stderr()), 'the shutdown to begin');
    // New connections are refused while the process is still finishing (the log line comes just before
    // the listener closes; within seconds, long before the in-flight request would be cut at 18 s).
    await waitFor(() => refused(kesu.url), 'new connections to be refused', 5_000);
    inFlight.finish();
    expect((await inFlight.answer).status).toBe(201);
    expect(await kesu.exited).toEqual({ code: 0, signal: null });

    const job = await t.app.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'notify.send')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // Back in the queue at once, the interrupted attempt not counted as a failure.
    expect(job).toMatchObject({ state: 'pending', attempts: 0, locked_by: null, locked_until: null });
    expect(job.run_at).toBeLessThanOrEqual(Date.now());
    expect(kesu.stderr()).toMatch(new RegExp(`job ${job.id} \\(notify.send\\) handed back`));
    // Other jobs may be running at that moment too (the statistics follower): each is handed back.
    const handedBack = Number(/(\d+) running job\(s\) handed back/.exec(kesu.stderr())?.[1]);
    expect(handedBack).toBeGreaterThanOrEqual(1);
    expect(kesu.stderr().match(/\) handed back to the queue/g)?.length).toBe(handedBack);
    await gateway.close();
  }, 300_000);

  it('cuts a client that never finishes its upload, and exits within the bound', async () => {
    t = await startTestApp(dialect);
    const kesu = await startServe({ DATABASE_URL: t.url, KESU_SHUTDOWN_SECONDS: '3' });
    const cookie = await sessionCookie(kesu.url, 'agent');
    const stalled = slowPost(`${kesu.url}/api/v1/complaints`, cookie, JSON.stringify(buildComplaint(t.org)));
    await new Promise((r) => setTimeout(r, 200));
    kesu.child.kill('SIGTERM');
    expect(await kesu.exited).toEqual({ code: 0, signal: null });
    await expect(stalled.answer).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(kesu.stderr()).toMatch(/closing the connections still open/);
  }, 300_000);
});
