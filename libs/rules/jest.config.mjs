import { nodeDist } from '../../jest.preset.mjs';

export default { ...nodeDist, displayName: 'rules', rootDir: 'dist', testMatch: ['<rootDir>/**/*.spec.js'] };
