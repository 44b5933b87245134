import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Webhook targets must not let a subscriber make this server call into its own network (SSRF):
 * only http(s) URLs without credentials, whose host is — and resolves only to — public addresses.
 * Checked when a subscription is saved and again, on the resolved address, at every delivery
 * (a name can be re-pointed at 127.0.0.1 after it was accepted). WEBHOOK_ALLOW_PRIVATE_TARGETS
 * lifts the address rule for on-premise receivers and tests.
 */
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** True for a globally routable unicast address (IPv4-mapped IPv6 is judged by its IPv4 part). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The host of a URL as an address or a name: brackets of an IPv6 literal removed. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export type TargetCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** The checks that need no DNS: scheme, credentials, literal addresses, localhost names. */
export function checkUrlShape(raw: string, allowPrivate: boolean): TargetCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'url must be an absolute http or https URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'url must use http or https' };
  if (url.username || url.password) return { ok: false, reason: 'url must not contain credentials' };
  if (url.hash) return { ok: false, reason: 'url must not contain a fragment' };
  if (allowPrivate) return { ok: true, url };
  const host = hostOf(url).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return { ok: false, reason: 'url must not point to localhost' };
  if (isIP(host) && !isPublicAddress(host))
    return { ok: false, reason: `url must not point to a loopback, private or link-local address (${host})` };
  return { ok: true, url };
}

export type Resolver = (host: string) => Promise<string[]>;

const DNS_TIMEOUT_MS = 3_000;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`DNS lookup of ${host} timed out`)), DNS_TIMEOUT_MS);
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses: LookupAddress[]) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(addresses.map((a) => a.address));
    });
  });

/** Full check for a subscription URL: shape, then every address the name resolves to. */
export async function checkTarget(raw: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<TargetCheck> {
  const shape = checkUrlShape(raw, allowPrivate);
  if (!shape.ok || allowPrivate || isIP(hostOf(shape.url))) return shape;
  let addresses: string[];
  try {
    addresses = await resolve(hostOf(shape.url));
  } catch {
    return { ok: false, reason: `url host ${shape.url.hostname} does not resolve` };
  }
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (addresses.length === 0) return { ok: false, reason: `url host ${shape.url.hostname} does not resolve` };
  if (blocked)
    return { ok: false, reason: `url host ${shape.url.hostname} resolves to a loopback, private or link-local address (${blocked})` };
  return shape;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses non-public addresses at connection time, so a name
 * re-pointed at an internal address after validation (DNS rebinding) is still refused.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true, verbatim: true, family: options.family }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '');
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked || addresses.length === 0) {
      const refused = Object.assign(new Error(`refused to connect to non-public address ${blocked?.address ?? '(none)'}`), {
        code: 'EWEBHOOKTARGET',
      });
      return callback(refused, '');
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
