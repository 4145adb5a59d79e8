import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import { capabilityBoundaries } from './scripts/capability-boundaries.mjs';

export default tseslint.config(
  { ignores: ['**/dist/**', 'apps/admin/src/gql/**', '**/node_modules/**', '.data/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      // Apps depend on libs, never the reverse; libs/rules depends on nothing of ours.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:rules', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:app', 'type:lib'] },
            { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:app', 'type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Settings are read in one place (apps/api/src/config → AppConfig), validated at start and
    // handed to whoever needs them; anywhere else a setting would escape validation and tests.
    files: ['apps/api/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['apps/api/src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings in apps/api/src/config (AppConfig) and pass them in; process.env is read nowhere else.' },
      ],
    },
  },
  // Inside the API, capability folders use each other only through their public surface
  // (services, GraphQL types): see apps/api/src/README.md.
  ...capabilityBoundaries(),
  {
    // Jest's CommonJS config and transform.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '*.js', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', URL: 'readonly' } },
  },
);
