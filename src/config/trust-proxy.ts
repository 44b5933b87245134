import { isIP } from 'node:net';

/** Express's `trust proxy` setting: no proxy, every proxy, a number of hops, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

/** proxy-addr's names for address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY → Express's setting, or a problem. Behind a load balancer, the client's address (the
 * per-IP sign-in limit) is read from X-Forwarded-For only from the proxies trusted
 * here; by default none, so a client cannot forge its address.
 */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { problem: string } {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return { value: false };
  if (value === 'true') return { value: true };
  if (/^\d+$/.test(value)) return { value: Number(value) };
  const entries = value.split(',').map((s) => s.trim());
  const bad = entries.filter((e) => !isAddressOrSubnet(e));
  if (bad.length === 0) return { value: entries };
  return {
    problem: `TRUST_PROXY: must be false, true, a number of proxy hops, or a comma-separated list of proxy addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal (not ${bad.map((b) => JSON.stringify(b)).join(', ')})`,
  };
}
