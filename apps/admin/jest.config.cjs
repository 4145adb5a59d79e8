// Admin component tests: jsdom, React Testing Library, TSX transpiled by
// scripts/jest-ts-transform.cjs (the admin has no tsc output to run instead).
module.exports = {
  displayName: 'admin',
  rootDir: 'src',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx'],
  transform: { '\\.tsx?$': require.resolve('../../scripts/jest-ts-transform.cjs') },
  moduleFileExtensions: ['tsx', 'ts', 'js', 'cjs', 'mjs', 'json'],
  testTimeout: 30_000,
};
