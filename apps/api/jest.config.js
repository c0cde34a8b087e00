import { jestConfig } from '../../jest.preset.js';

export default jestConfig(import.meta.dirname, {
  globalSetup: '<rootDir>/src/test/global-setup.mjs',
  globalTeardown: '<rootDir>/src/test/global-teardown.mjs',
  testTimeout: 30_000,
});
