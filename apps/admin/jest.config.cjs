// Admin component tests: jsdom, React Testing Library, TSX transpiled by
// scripts/jest-ts-transform.cjs (the admin has no tsc output to run instead).
module.exports = {
    displayName: 'admin',
    rootDir: 'src',
    testEnvironment: 'jsdom',
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx'],
    transform: { '\\.(tsx?|m?js)$': require.resolve('../../scripts/jest-ts-transform.cjs') },
    // Dependencies that ship only ES modules go through the same transform to CommonJS.
    transformIgnorePatterns: ['/node_modules/(?!(react-hotkeys-hook|keycloak-js)/)'],
    moduleFileExtensions: ['tsx', 'ts', 'js', 'cjs', 'mjs', 'json'],
    setupFiles: [require.resolve('./jest.setup.cjs')],
    testTimeout: 30_000,
};
