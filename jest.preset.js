// Shared Jest settings: every workspace's jest.config.js spreads this.
// `lattice-source` makes workspace packages resolve to their TypeScript sources, so tests
// never need a build first; the ESM-only packages listed below (jose and openid-client; tus and
// file-type with their dependencies) are transformed to CommonJS.
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['lattice-source', 'node', 'node-addons'] },
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|openid-client|oauth4webapi|@tus|srvx|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)',
  ],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  globalSetup: require.resolve('./packages/testkit/src/jest-global-setup.ts'),
  globalTeardown: require.resolve('./packages/testkit/src/jest-global-teardown.ts'),
  testTimeout: 30000,
};
