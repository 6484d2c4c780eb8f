// Lint with type information (typescript-eslint's type-checked rules) over everything tsconfig.json compiles.
// These are the recommended rules, less the few this code does not follow, each with the reason.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'bench/.data/**', 'services/*/src/migrations/**', 'vitest.config.ts', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // TypeScript itself reports undefined names, with the types' knowledge of globals.
      'no-undef': 'off',
      // `_`-named bindings are kept on purpose: a destructured field left out of a copy, an interface's argument.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Signal and event handlers are async on purpose (`process.once('SIGTERM', stop)`); their promise is handled inside.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      // JSON.parse, Object.create(null) and type-graphql's middleware `next()` are `any` by their libraries' types;
      // the code checks such values where they enter (cursors, bodies, variables) rather than casting at every use.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Resolvers and hooks keep one async shape whether or not a given one awaits.
      '@typescript-eslint/require-await': 'off',
      // type-graphql's own API takes resolver classes as `Function`.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Non-null assertions after a lookup the code has just proven (Map.get after has, regex groups that matched)
      // document that proof; the compiler's flow analysis sometimes sees it too, and then the `!` is merely redundant.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Tests read GraphQL answers as plain JSON, and pass methods of real objects to vitest's helpers.
    files: ['test/**', 'services/*/test/**', 'gateway/test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
