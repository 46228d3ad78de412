/**
 * Jest configuration.
 *
 * All test files share ONE Neo4j database (an embedded one started by test/support/globalSetup.ts,
 * or the server named by NEO4J_URI when KG_TEST_ALLOW_WIPE=1), and tests wipe it between
 * scenarios, so test files must run one at a time: maxWorkers is 1.
 */
/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  testTimeout: 60000,
};
