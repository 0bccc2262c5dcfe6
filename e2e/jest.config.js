module.exports = {
  ...require('../jest.preset.js'),
  testMatch: ['<rootDir>/**/*.test.ts'],
  testTimeout: 60000,
};
