import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Imports flow one way: entrypoints → background|ui → messages → core (architecture.md). */
const boundary = (folder, forbidden) => ({
  files: [`${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`**/${f}/*`, `**/${f}`, `@/${f}/*`, `@/${f}`],
          message: `${folder} must not import from ${f} (see architecture.md: imports flow one way).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', '.devnet', 'test-results', 'playwright-report', 'e2e/artifacts', 'devnet/contracts/out'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  boundary('src/core', ['background', 'ui', 'messages', 'entrypoints', 'devnet']),
  boundary('src/messages', ['background', 'ui', 'entrypoints', 'devnet']),
  boundary('src/ui', ['background', 'entrypoints', 'devnet']),
  boundary('src/background', ['ui', 'entrypoints', 'devnet']),
);
