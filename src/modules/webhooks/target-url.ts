import { BlockList, isIP } from 'node:net';
import { badRequest } from '../../lib/errors.js';

/**
 * Where webhooks may be sent. Private, loopback, link-local and other non-public addresses are
 * refused (a webhook must not become a way into the internal network) unless the operator sets
 * KESU_WEBHOOKS_ALLOW_PRIVATE=true (receivers on the same host or LAN; the tests).
 */
export const privateTargetsAllowed = () => process.env.KESU_WEBHOOKS_ALLOW_PRIVATE === 'true';

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** True for an IP address that is not on the public internet (IPv4-mapped IPv6 judged as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 4) return NOT_PUBLIC.check(address, 'ipv4');
  if (family === 6) return NOT_PUBLIC.check(address, 'ipv6');
  return false;
}

/** A host name that names this machine whatever the resolver says. */
const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/**
 * Check a subscription's target: an absolute http(s) URL without credentials, and (unless allowed)
 * not a private address or a local name. Names are resolved and checked again at each delivery.
 */
export function checkTargetUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw badRequest('validation_failed', [{ path: '/url', code: 'url_invalid' }]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw badRequest('validation_failed', [{ path: '/url', code: 'url_scheme' }]);
  if (url.username || url.password)
    throw badRequest('validation_failed', [{ path: '/url', code: 'url_credentials' }]);
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!privateTargetsAllowed() && (isLocalName(host) || isPrivateAddress(host)))
    throw badRequest('validation_failed', [{ path: '/url', code: 'url_private_address', params: { host } }]);
  return url.toString();
}
