import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/__generated__',
      '.data',
      '.turbo',
      '**/*.js',
      '**/migrations',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Subgraphs talk to each other only through federation and events, never by imports.
    files: ['subgraphs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@lattice/subgraph-*', '!@lattice/subgraph-kit'],
              message: 'Subgraphs never import each other: use federation or events.',
            },
            {
              group: ['../../*/src/*', '../../../subgraphs/*'],
              message: 'Subgraphs never import each other: use federation or events.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read raw GraphQL responses.
    files: ['**/test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'packages/testkit/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: [
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'packages/all-in-one/src/main.ts',
      'codegen.ts',
      '**/src/cli/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
