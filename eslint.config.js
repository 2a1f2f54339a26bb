import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import boundary: files matching `files` may not import from any of `forbidden` (folder globs). */
const boundary = (files, forbidden, reason, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: forbidden.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]), message: reason }] },
    ],
  },
});

// Tests render through the one test kit in src/test, which stands above everything (as the app does).
const TESTS = ['src/**/*.test.{ts,tsx}', 'src/**/testing/**'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.data', 'test-results', 'playwright-report', '.test-output'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  { files: ['public/**/*.js'], languageOptions: { globals: globals.browser } },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Imports flow one way: contracts → (server | src); inside src, config/auth/api/ui → features/tokens → the
  // screens' features → app. Later blocks of one file override earlier ones, so each lists all it forbids.
  boundary(['contracts/**'], ['src', 'server'], 'contracts/ is shared by the app and the server and depends on neither.'),
  boundary(['server/**'], ['src'], 'The server and the app share wire contracts through contracts/ only.'),
  boundary(['src/**'], ['server'], 'The app and the server share wire contracts through contracts/ only.'),
  boundary(
    ['src/api/**', 'src/config/**', 'src/auth/**', 'src/ui/**'],
    ['server', 'features', 'app'],
    'src/api, config, auth and ui sit below the features and the app shell.',
    TESTS,
  ),
  boundary(
    ['src/features/tokens/**'],
    ['server', 'features/user-settings', 'features/teams', 'app'],
    'The shared token feature sits below the screens and the app shell.',
    TESTS,
  ),
  boundary(['src/features/user-settings/**'], ['server', 'features/teams', 'app'], 'A screen does not import another screen.', TESTS),
  boundary(['src/features/teams/**'], ['server', 'features/user-settings', 'app'], 'A screen does not import another screen.', TESTS),
);
