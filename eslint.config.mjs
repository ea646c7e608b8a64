// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.vscode-test/', '.scratch/', '**/*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // `import vscode = require('vscode')`: the bundle then requires the API once per module. With
      // `import * as vscode`, esbuild copies every property of the API object into a namespace of
      // getters per importing module (58 modules: ~30 ms at each activation, and a getter per use).
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The extension's code takes the VS Code API as `import vscode = require('vscode')` (see above).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='vscode'][importKind!='type']",
        message: "Use `import vscode = require('vscode')`: `import * as vscode` makes the bundle copy the whole API per module.",
      }],
    },
  },
  {
    // The document model is pure: string in, plain data out. No editor APIs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core must stay pure: no vscode import.' }],
        patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core must stay pure: no Node APIs.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' },
    },
  },
);
