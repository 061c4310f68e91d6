import { isIP } from 'node:net';

/**
 * Which proxies' X-Forwarded-For the api believes (Fastify's `trustProxy`, via proxy-addr). Trusting every hop
 * (Fastify's `true`) lets a client choose its own address: nginx appends to the header the client sent, so its
 * leftmost entry is whatever the client wrote. So `TRUST_PROXY` names the hops or networks instead:
 *   unset / `false`       no proxy: the socket's address
 *   `N` (1, 2, …)         the nearest N hops are proxies (`true` means 1: one nginx in front, as deploy/ ships)
 *   `a,b/cidr,…`          proxies at these addresses or networks (`loopback`, `linklocal`, `uniquelocal` too)
 * The client's address is then the first address, from the right, that is not a trusted proxy.
 */
export type TrustProxy = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrNetwork(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !address || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/** The parsed setting, or a message naming what is wrong (the config lists it with the other bad variables). */
export function parseTrustProxy(value: string | undefined): TrustProxy | { error: string } {
  const text = (value ?? '').trim().toLowerCase();
  if (['', 'false', '0', 'no', 'off'].includes(text)) return false;
  if (['true', 'yes', 'on'].includes(text)) return 1;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrNetwork(e));
  if (bad.length > 0) return { error: `not a hop count, address or network: ${bad.join(', ')} (e.g. 1, or 10.0.0.0/8,127.0.0.1)` };
  return entries;
}

/** Fastify's option: a hop count as proxy-addr's (address, hop) test, since Fastify's types take no number. */
export function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}
