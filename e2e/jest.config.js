const preset = require('../jest.preset.js');

module.exports = {
  ...preset,
  testMatch: ['<rootDir>/**/*.test.ts'],
  testTimeout: 60000,
  // The OTLP trace exporter loads node:http with import(), which Jest runs only once transformed.
  transformIgnorePatterns: [
    preset.transformIgnorePatterns[0].replace(
      ')/)',
      '|@opentelemetry/(otlp-exporter-base|exporter-trace-otlp-http))/)',
    ),
  ],
};
