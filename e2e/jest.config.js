const preset = require('../jest.preset.js');

module.exports = {
  ...preset,
  testMatch: ['<rootDir>/**/*.test.ts'],
  testTimeout: 60000,
  // The OTLP trace exporter loads node:http with import(), which Jest runs only once transformed.
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|openid-client|oauth4webapi|@opentelemetry/(otlp-exporter-base|exporter-trace-otlp-http))/)',
  ],
};
