// Lint: module boundaries (STYLE.md conventions 1 and 7) and the TypeScript basics.
//  - a module is entered only through its index.ts;
//  - only repositories (*.repo.ts) and src/db touch SQL (drizzle-orm, the schema, the drivers);
//  - the web UI and src/shared never import server code.
import tseslint from 'typescript-eslint';

const MODULES = ['registry', 'access', 'auth', 'audit', 'merger', 'channels', 'configuration', 'help-requests', 'mutations', 'mailbox', 'subsidy-report', 'dossiers', 'notifications', 'privacy'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'src/db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Inside a module: other modules only through their index.ts; SQL only in its repository.
  ...MODULES.flatMap((name) => {
    const crossModule = {
      regex: `^\\.\\./(?!\\.\\.)(?!${name}/)[^/]+/(?!index\\.js$|[^/]+\\.schema\\.js$)`,
      message: 'Import another module only through its index.ts (or its isomorphic *.schema.ts).',
    };
    return [
      {
        files: [`src/modules/${name}/**/*.ts`],
        rules: { 'no-restricted-imports': ['error', { patterns: [crossModule] }] },
      },
      {
        files: [`src/modules/${name}/**/*.ts`],
        ignores: ['**/*.repo.ts', '**/*.test.ts'],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              paths: [
                { name: 'drizzle-orm', message: 'SQL belongs in the module repository (*.repo.ts).' },
                { name: 'pg', message: 'SQL belongs in the module repository (*.repo.ts).' },
                { name: '@electric-sql/pglite', message: 'SQL belongs in src/db.' },
              ],
              patterns: [crossModule, { regex: '/db/schema\\.js$', message: 'Tables are used by repositories only.' }],
            },
          ],
        },
      },
    ];
  }),
  // Keys inside, text at the edges (issue 18): services and repositories neither take a language
  // nor turn keys into text; they throw AppError(code, msg(key, params)) and the edges render it.
  {
    files: ['src/**/*.service.ts', 'src/**/*.repo.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^(translate|channelMessage|mailboxMessage|mergerMessage|subsidyMessage)$/]',
          message: 'Services and repositories do not translate: pass a Message (msg(key, params)) and let the edge render it.',
        },
        {
          selector: ':function > Identifier.params[name=/^(lang|language)$/]',
          message: 'Services and repositories take no language: the edge renders messages in the reader\'s language.',
        },
      ],
    },
  },
  // The browser bundle and the isomorphic code never reach into the server.
  {
    files: ['src/web/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)(db|http|seed|jobs)/', message: 'Browser and shared code may not import server code.' },
            { regex: '\\.(service|repo|routes)\\.js$', message: 'Browser and shared code may not import server code.' },
            { regex: '^node:', message: 'Browser and shared code may not import Node built-ins.' },
          ],
        },
      ],
    },
  },
);
