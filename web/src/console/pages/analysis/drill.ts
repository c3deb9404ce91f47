import type { CallOutput, EndpointAt } from '../../../api/call';

export type Figures = CallOutput<EndpointAt<'GET', '/stats'>>;
export type Bucket = Figures['breakdowns']['category'][number];
export type Drill = NonNullable<Bucket['drill']>;

const HOUR = 3_600_000;

/**
 * The workbench address that lists what a bucket counts: its `drill` filters as the query
 * (the workbench reads them on arrival and shows all the complaints the user may see).
 */
export function workbenchUrl(drill: Drill): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(drill)) if (v !== undefined) q.set(k, String(v));
  return `/workbench?${q}`;
}

/**
 * One hour of one day of the period: the day's own drill (its bounds are the organisation's local
 * midnights, so the browser's time zone plays no part) narrowed to the hour.
 */
export function hourDrill(day: Figures['trend'][number], hour: number): Drill {
  const start = Date.parse(day.drill.receivedFrom) + hour * HOUR;
  return {
    ...day.drill,
    receivedFrom: new Date(start).toISOString(),
    receivedTo: new Date(start + HOUR).toISOString(),
  };
}

/** 1 Monday … 7 Sunday of a YYYY-MM-DD day. */
export const weekdayOf = (day: string): number => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
