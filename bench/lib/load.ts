/** Load generation with autocannon, reduced to the numbers the results file keeps. */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
  /**
   * Varies the requests: called before each one is sent (cheap: pick a pre-generated request). The
   * summary then gains `kinds`, the latency and errors of each request kind.
   */
  next?: () => VariedRequest;
}

export interface VariedRequest {
  /** Groups the request in `LoadSummary.kinds`. */
  kind: string;
  /** A wider group (`read`, `write`) in `LoadSummary.groups`. */
  group?: string;
  method: LoadSpec['method'];
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Per request kind: measured from sending to the whole answer. */
export interface KindSummary {
  count: number;
  /** Answers that were not 2xx (by status in `statusCodes`). */
  errors: number;
  statusCodes: Record<string, number>;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
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
  /** With `next`: by request kind, and by group of kinds. */
  kinds?: Record<string, KindSummary>;
  groups?: Record<string, KindSummary>;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

interface KindSamples {
  times: number[];
  statusCodes: Record<string, number>;
}

/** A request for autocannon that asks `next` each time, and records each answer by kind. */
function variedRequest(next: () => VariedRequest, samples: Map<string, KindSamples>): autocannon.Request {
  /** autocannon's per-connection context, renewed for each request (one at a time per connection). */
  type Sent = { kind?: string; group?: string; sentAt?: number };
  return {
    // Called right before the request is written.
    setupRequest: (req, context: Sent) => {
      const r = next();
      context.kind = r.kind;
      context.group = r.group;
      context.sentAt = performance.now();
      return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body ?? '' };
    },
    onResponse: (status, _body, context: Sent) => {
      if (context.sentAt === undefined) return;
      const ms = performance.now() - context.sentAt;
      for (const key of [context.kind, context.group && `group:${context.group}`]) {
        if (!key) continue;
        let s = samples.get(key);
        if (!s) {
          s = { times: [], statusCodes: {} };
          samples.set(key, s);
        }
        s.times.push(ms);
        s.statusCodes[status] = (s.statusCodes[status] ?? 0) + 1;
      }
    },
  };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function summariseKind({ times, statusCodes }: KindSamples): KindSummary {
  times.sort((a, b) => a - b);
  let errors = 0;
  for (const [code, n] of Object.entries(statusCodes)) if (!code.startsWith('2')) errors += n;
  return {
    count: times.length,
    errors,
    statusCodes,
    latencyMs: {
      p50: round(percentile(times, 50), 1),
      p95: round(percentile(times, 95), 1),
      p99: round(percentile(times, 99), 1),
      max: round(times.at(-1) ?? 0, 1),
    },
  };
}

function byKind(samples: Map<string, KindSamples>) {
  const kinds: Record<string, KindSummary> = {};
  const groups: Record<string, KindSummary> = {};
  for (const [key, s] of samples) {
    if (key.startsWith('group:')) groups[key.slice('group:'.length)] = summariseKind(s);
    else kinds[key] = summariseKind(s);
  }
  return { kinds, groups };
}

export async function runLoad(spec: LoadSpec): Promise<LoadSummary> {
  const samples = new Map<string, KindSamples>();
  const result = await autocannon({
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections,
    duration: spec.durationSeconds,
    timeout: 10,
    ...(spec.next ? { requests: [variedRequest(spec.next, samples)] } : {}),
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
    ...(spec.next ? byKind(samples) : {}),
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
