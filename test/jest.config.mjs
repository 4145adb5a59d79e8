import { nodeDist } from '../jest.preset.mjs';

// Each file creates its own database and app on a free port, so files run in parallel;
// two workers match the two cores CI has. No per-test limit in node:test meant slow
// end-to-end tests (browser, worker restarts) never timed out; two minutes keeps that room.
export default {
  ...nodeDist,
  displayName: 'e2e',
  rootDir: 'dist',
  testMatch: ['<rootDir>/{api,browser}/**/*.e2e-spec.js', '<rootDir>/infra/**/*.spec.js'],
  testTimeout: 120_000,
  maxWorkers: 2,
};
