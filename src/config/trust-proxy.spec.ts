import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it('trusts no proxy by default', () => {
    expect(parseTrustProxy(undefined)).toEqual({ value: false });
    expect(parseTrustProxy('')).toEqual({ value: false });
    expect(parseTrustProxy('false')).toEqual({ value: false });
  });

  it('reads every proxy, a number of hops, or the proxies’ addresses', () => {
    expect(parseTrustProxy('true')).toEqual({ value: true });
    expect(parseTrustProxy('1')).toEqual({ value: 1 });
    expect(parseTrustProxy('loopback, 10.0.0.0/8,fd00::/8, 192.168.1.7')).toEqual({
      value: ['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.7'],
    });
  });

  it('names the entries it cannot read', () => {
    for (const raw of ['yes', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/1', '::1/129', 'loopback,']) {
      const parsed = parseTrustProxy(raw);
      expect(parsed).toHaveProperty('problem');
      expect((parsed as { problem: string }).problem).toMatch(/^TRUST_PROXY: /);
    }
  });
});
