import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';

/** The period of the page, kept in the address (`from`, `to` as YYYY-MM): this month by default. */
export function usePeriod(): {
  from: string;
  to: string;
  query: { from: string; to: string };
  set(range: [Dayjs, Dayjs]): void;
  params: URLSearchParams;
  /** Sets another parameter of the page's address (the unit), keeping the period. */
  setParam(key: string, value: string): void;
} {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? dayjs().format('YYYY-MM');
  const to = params.get('to') ?? from;
  return {
    from,
    to,
    query: { from, to },
    params,
    set: ([a, b]) => {
      const next = new URLSearchParams(params);
      next.set('from', a.format('YYYY-MM'));
      next.set('to', b.format('YYYY-MM'));
      setParams(next);
    },
    setParam: (key, value) => {
      const next = new URLSearchParams(params);
      next.set(key, value);
      setParams(next);
    },
  };
}

export const asQuery = (q: { from: string; to: string }) => `from=${q.from}&to=${q.to}`;
