import { nodeDist } from '../../jest.preset.mjs';

export default { ...nodeDist, displayName: 'api', rootDir: 'dist', testMatch: ['<rootDir>/**/*.spec.js'] };
