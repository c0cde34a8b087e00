import { jestConfig } from '../../jest.preset.js';

// Unit tests of the client's pure logic (grouping, dates, time zones); pages are covered by web-e2e.
// Modules under test may import .tsx files, so SWC also compiles TSX here (React's automatic runtime).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'es6' },
};

export default jestConfig(import.meta.dirname, {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', swc] },
  moduleNameMapper: {
    ...jestConfig(import.meta.dirname).moduleNameMapper,
    '\\.css$': '<rootDir>/src/test/style-stub.js',
  },
});
