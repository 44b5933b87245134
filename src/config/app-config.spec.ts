import { ConfigError, DEV_JWT_SECRET, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      dataDir: '.data',
      nodeEnv: 'development',
      logLevel: 'info',
      bodyLimit: '256kb',
      runMigrations: true,
      seedDemo: true,
      corsOrigins: [],
    });
    expect(c.usesEmbeddedDatabase).toBe(true);
  });

  it('parses lists, numbers and booleans', () => {
    const c = loadConfig({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example, http://localhost:5173',
      RUN_MIGRATIONS: 'false',
      DATABASE_URL: 'postgres://u:p@db:5432/hc',
    });
    expect(c).toMatchObject({
      port: 8080,
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
      runMigrations: false,
      seedDemo: false,
      usesEmbeddedDatabase: false,
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['RUN_MIGRATIONS', 'maybe'],
    ['CORS_ORIGINS', 'not a url'],
    ['BODY_LIMIT', 'huge'],
    ['JWT_SECRET', 'short'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('refuses production without a real signing secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/hc' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/hc', JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      /JWT_SECRET/,
    );
    const ok = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/hc', JWT_SECRET: 'x'.repeat(40) });
    expect(ok.isProduction).toBe(true);
    expect(ok.seedDemo).toBe(false);
  });

  it('refuses demo accounts in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/hc', JWT_SECRET: 'x'.repeat(40), SEED_DEMO: 'true' }),
    ).toThrow(/SEED_DEMO/);
  });
});
