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
      'subgraphs/.template-check',
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
    // Shared packages are infrastructure: they never import an application (the gateway, a
    // subgraph, the all-in-one launcher). A new subgraph is found through the manifest.
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@lattice/gateway',
                '@lattice/all-in-one',
                '@lattice/subgraph-*',
                '!@lattice/subgraph-kit',
              ],
              message: 'Libraries never import an application: depend the other way round.',
            },
            {
              group: ['**/gateway/src/*', '**/subgraphs/*/src/*', '**/apps/*/src/*'],
              message: 'Libraries never import an application: depend the other way round.',
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
      'apps/all-in-one/src/main.ts',
      'codegen.ts',
      '**/src/cli/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
