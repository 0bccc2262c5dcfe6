// The simulator needs neither PostgreSQL nor Redis: the shared global setup that starts them is left out.
module.exports = { ...require('../../jest.preset.js'), globalSetup: undefined, globalTeardown: undefined };
