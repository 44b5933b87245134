import { checkTarget, checkUrlShape, isPublicAddress } from './webhook-target';

describe('webhook targets (SSRF)', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    'not-an-ip',
  ])('%s is not public', (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (ip) =>
    expect(isPublicAddress(ip)).toBe(true),
  );

  it.each([
    ['ftp://example.com/x', 'http or https'],
    ['not a url', 'absolute'],
    ['https://user:pw@example.com/', 'credentials'],
    ['http://127.0.0.1:8080/hook', 'loopback'],
    ['http://10.0.0.5/hook', 'private'],
    ['http://169.254.169.254/latest/meta-data', 'link-local'],
    ['http://localhost:3000/', 'localhost'],
    ['http://api.localhost/', 'localhost'],
    ['http://[::1]:8080/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://2130706433/', 'loopback'],
  ])('refuses %s', (url, reason) => {
    const check = checkUrlShape(url, false);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
  });

  it('allows private targets only when configured', () => {
    expect(checkUrlShape('http://127.0.0.1:9/hook', true).ok).toBe(true);
    expect(checkUrlShape('ftp://127.0.0.1/', true).ok).toBe(false);
  });

  it('refuses a name that resolves (even partly) to a private address', async () => {
    const resolver = (addresses: string[]) => () => Promise.resolve(addresses);
    expect((await checkTarget('https://hooks.example.com/x', false, resolver(['93.184.216.34']))).ok).toBe(true);
    const mixed = await checkTarget('https://rebind.example.com/x', false, resolver(['93.184.216.34', '10.0.0.1']));
    expect(mixed).toMatchObject({ ok: false, reason: expect.stringContaining('10.0.0.1') });
    const failing = await checkTarget('https://nowhere.invalid/x', false, () => Promise.reject(new Error('ENOTFOUND')));
    expect(failing).toMatchObject({ ok: false, reason: expect.stringContaining('does not resolve') });
  });
});
