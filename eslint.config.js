import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The shell and the libraries the pure core must not import (STYLE.md: pure core, thin shell). */
const SHELL = [
  '**/app/**',
  '**/overlay/**',
  '**/storage/**',
  '**/cli/**',
  '**/workers/**',
  '@tensorflow/*',
  'comlink',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-test', 'models', 'test-results', 'test/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The pure core must not reach into the shell (STYLE.md: pure core, thin shell).
    files: ['src/engine/**', 'src/geometry/**', 'src/pose/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: SHELL,
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'performance', 'Date'],
    },
  },
  {
    // Dependencies point one way: geometry is the bottom layer (numbers, points, angles).
    files: ['src/geometry/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['**/pose/**', '**/engine/**', ...SHELL],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
