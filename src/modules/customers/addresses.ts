import { open, type PiiKeys, seal } from '../privacy/index.js';

/** A customer's addresses are sealed together, as one JSON array. */
export const sealAddresses = (keys: PiiKeys, addresses: string[]) =>
  addresses.length ? seal(keys, JSON.stringify(addresses)) : null;

export const openAddresses = (keys: PiiKeys, sealed: string | null): string[] =>
  sealed ? (JSON.parse(open(keys, sealed)) as string[]) : [];

/** 上海市浦东****: the beginning of the address (city, district) and nothing that finds the door. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  return `${chars.slice(0, Math.min(6, Math.floor(chars.length / 3))).join('')}****`;
}
