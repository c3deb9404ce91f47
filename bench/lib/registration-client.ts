/**
 * A child process that sends registrations with autocannon and prints its LoadSummary as JSON:
 * `node --import tsx bench/lib/registration-client.ts '<json>'` with { url, token, payload,
 * connections, seconds, varied }. `varied` gives each request its own customer phone and waybill.
 */
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  token: string;
  payload: Record<string, unknown>;
  connections: number;
  seconds: number;
  varied: boolean;
};
let sent = 0;
const body = () => {
  const i = sent++;
  return JSON.stringify(
    spec.varied
      ? {
          ...spec.payload,
          complainant: { name: '王女士', phone: `137${String(i).padStart(8, '0')}` },
          waybillNo: `KS3${String(i).padStart(11, '0')}`,
        }
      : spec.payload,
  );
};
const result = await autocannon({
  url: spec.url,
  method: 'POST',
  headers: { authorization: `Bearer ${spec.token}`, 'content-type': 'application/json' },
  connections: spec.connections,
  duration: spec.seconds,
  timeout: 20,
  requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
});
console.log(
  JSON.stringify({
    ok: result['2xx'],
    errors: result.non2xx + result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }),
);
