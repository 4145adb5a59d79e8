// Shared Jest settings. The Node projects run the `tsc` output (dist/*.js) as native ES
// modules (`node --experimental-vm-modules`) with no transform, so tsc stays the only
// compiler and the decorator metadata NestJS reads is exactly what production runs.
export const nodeDist = {
  testEnvironment: 'node',
  transform: {},
  moduleFileExtensions: ['js', 'mjs', 'cjs', 'json'],
  // Source maps from tsc point failures at the .ts lines.
  injectGlobals: false,
  setupFiles: [new URL('./jest.realm.mjs', import.meta.url).pathname],
};
