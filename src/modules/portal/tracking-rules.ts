import { notFound } from '../../lib/errors.js';

/** Complaint numbers as customers type them: `ks20261123-000123 ` is `KS20261123-000123`. */
export const normaliseNumber = (raw: string) => raw.trim().toUpperCase();

/**
 * One answer for every failed proof (unknown number, wrong token, wrong, expired or used code, a
 * token for another complaint), so that the portal does not tell anyone which numbers exist.
 */
export const trackingDenied = () => notFound('tracking_denied');
