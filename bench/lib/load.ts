/** Load generation with autocannon, reduced to the numbers the results file keeps. */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
}

export interface LoadSummary {
  /** Mean of the per-second request counts (autocannon's `requests.average`), all responses. */
  requestsPerSecond: number;
  /** 2xx responses per second of the measured duration: the useful throughput. */
  okPerSecond: number;
  /** Latency in milliseconds. */
  latencyMs: { average: number; p50: number; p97_5: number; p99: number; max: number };
  requests: number;
  ok: number;
  durationSeconds: number;
  connections: number;
  errors: {
    /** non2xx + socket errors (timeouts included); the run is invalid when this is not 0. */
    total: number;
    non2xx: number;
    socket: number;
    timeouts: number;
    statusCodes: Record<string, number>;
  };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function runLoad(spec: LoadSpec): Promise<LoadSummary> {
  const result = await autocannon({
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections,
    duration: spec.durationSeconds,
    timeout: 10,
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stat.count ?? 0;
  const ok = result['2xx'];
  return {
    requestsPerSecond: round(result.requests.average),
    okPerSecond: round(ok / result.duration),
    latencyMs: {
      average: round(result.latency.average),
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    requests: result.requests.total,
    ok,
    durationSeconds: round(result.duration),
    connections: result.connections,
    errors: {
      total: result.non2xx + result.errors,
      non2xx: result.non2xx,
      socket: result.errors - result.timeouts,
      timeouts: result.timeouts,
      statusCodes,
    },
  };
}

export function describeLoad(s: LoadSummary): string {
  const errors = s.errors.total
    ? `, ERRORS ${s.errors.total} (non-2xx ${s.errors.non2xx}, socket ${s.errors.socket}, timeouts ${s.errors.timeouts}; status ${JSON.stringify(s.errors.statusCodes)})`
    : ', 0 errors';
  return (
    `${s.requestsPerSecond} req/s, latency p50 ${s.latencyMs.p50} ms, p97.5 ${s.latencyMs.p97_5} ms, ` +
    `p99 ${s.latencyMs.p99} ms (${s.requests} requests in ${s.durationSeconds} s${errors})`
  );
}
