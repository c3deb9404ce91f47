import { localMidnight } from '../../lib/time.js';

/** Local midnight starting a date 'YYYY-MM-DD', epoch ms. */
export const dayStart = (date: string, timeZone: string) =>
  localMidnight(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)), timeZone);
