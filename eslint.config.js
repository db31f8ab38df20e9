// Lint: typescript-eslint's recommended rules, plus the one architectural rule that matters most:
// the domain knows nothing of Slack.
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'test-results/', 'bench/results/', '*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@slack/*'], message: 'The domain and store know nothing of Slack: translate at the edge (src/slack).' }] },
      ],
    },
  },
);
