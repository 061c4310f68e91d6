// One lint config. The layer rules below mirror docs/design.md §2.
// Do not relax these rules: a rule the tools check is worth ten a reviewer remembers.
import tseslint from 'typescript-eslint';
import globals from 'globals';

const internal = ['contracts', 'db', 'platform', 'core', 'judge', 'proctoring', 'plagiarism', 'api', 'worker', 'web', 'cli'];

/** A no-restricted-imports rule allowing only the named internal packages. */
function onlyInternal(allowed, extraPatterns = []) {
  const banned = internal.filter((name) => !allowed.includes(name)).map((name) => `@logicode/${name}`);
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: banned, message: 'This layer may not import that package (DESIGN.md §2).' },
          { group: ['@logicode/*/src/*', '../../packages/*', '../../apps/*'], message: 'Import a package by its name, not its files.' },
          ...extraPatterns,
        ],
      },
    ],
  };
}
const noNode = { group: ['node:*'], message: 'This package is pure: no Node APIs.' };
const noServerLibs = { group: ['fastify', 'fastify-*', '@fastify/*', 'socket.io'], message: 'This layer knows no HTTP.' };

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'apps/web/public/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only an app\'s config.ts reads process.env; pass config down.' },
      ],
    },
  },
  { files: ['packages/contracts/**'], rules: onlyInternal([], [noNode]) },
  { files: ['packages/proctoring/**', 'packages/plagiarism/**'], rules: onlyInternal(['contracts']) },
  { files: ['packages/proctoring/src/**', 'packages/plagiarism/src/**'], rules: onlyInternal(['contracts'], [noNode]) },
  { files: ['packages/judge/**', 'packages/db/**', 'packages/platform/**'], rules: onlyInternal(['contracts']) },
  { files: ['packages/core/**'], rules: onlyInternal(['contracts', 'db', 'platform', 'proctoring'], [noServerLibs]) },
  { files: ['apps/api/**'], rules: onlyInternal(['contracts', 'core', 'db', 'platform', 'proctoring']) },
  { files: ['apps/worker/**'], rules: onlyInternal(['contracts', 'core', 'db', 'platform', 'judge', 'plagiarism', 'proctoring'], [noServerLibs]) },
  { files: ['apps/cli/**'], rules: onlyInternal(['api', 'worker', 'db', 'core', 'contracts', 'platform']) },
  {
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: onlyInternal(['contracts'], [noNode, { group: ['socket.io-client'], message: 'Sockets only through lib/socket.ts.' }]),
  },
  { files: ['apps/web/src/lib/socket.ts'], rules: onlyInternal(['contracts'], [noNode]) },
  {
    // Entry points and harnesses may read the environment.
    files: ['**/config.ts', '**/test/**', 'bench/**', 'scripts/**', 'deploy/**', '**/*.config.*'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
