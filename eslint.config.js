import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const syncReads = {
  selector: "CallExpression[callee.property.name=/^(dataSync|arraySync|readSync)$/]",
  message: 'Synchronous tensor reads zero the data and lose the device on WebGPU: use await t.data() / t.array().',
};

const addN = {
  selector: "CallExpression[callee.property.name='addN']",
  message: 'WebGPU addN binds all inputs at once and silently returns zeros past the storage-buffer limit: chain tf.add instead.',
};

export default tseslint.config(
  { ignores: ['dist', 'dist-ssr', 'node_modules', 'test-artifacts', 'public', '**/*.mdx'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', syncReads, addN],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The engine runs unchanged in Node, browsers and workers: no React, no DOM.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', 'react-dom/*', '**/app/**', '**/widgets/**', '**/components/**'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'HTMLElement'],
      'no-console': 'error',
    },
  },
);
