// Lint: TypeScript-aware rules, and the rule that keeps the domain library pure.
const tseslint = require('typescript-eslint');

const noFocusedTests = { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]", message: 'No focused tests' };

const infrastructure = ['@nestjs/*', '@eventstore/*', '@kurrent/*', 'bullmq', 'ioredis', 'class-validator', 'class-transformer', 'pg', '@electric-sql/*', 'express', 'exceljs'];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.test-services/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', noFocusedTests],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': ['error', noFocusedTests,
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Decisions are pure: take today from the DecisionContext.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Decisions are pure: take today from the DecisionContext.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Decisions are pure and repeatable.' }],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: infrastructure, message: 'The domain library stays pure: no framework, store, queue or validation imports.' },
          { group: ['@ledger/*', '../../../*'], message: 'The domain library depends on no other library of the ledger.' },
        ],
      }],
    },
  },
  // Layers run one way: apps → application → reporting and projections → domain and event store.
  // No library imports an app (the web pages and the API are apps).
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/*', '**/apps/**'], message: 'A library never imports an app.' }] }],
    },
  },
  {
    files: ['libs/event-store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/apps/*', '**/apps/**'], message: 'A library never imports an app.' },
        { group: ['@ledger/*'], message: 'The event store depends on no other library of the ledger.' },
      ] }],
    },
  },
  {
    files: ['libs/projections/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/apps/*', '**/apps/**'], message: 'A library never imports an app.' },
        { group: ['@ledger/application', '@ledger/reporting'], message: 'Projections sit below the application and reporting layers.' },
      ] }],
    },
  },
  {
    files: ['libs/reporting/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/apps/*', '**/apps/**'], message: 'A library never imports an app.' },
        { group: ['@ledger/application', '**/application/**'], message: 'Reporting sits below the application layer: it depends on the domain, the event store and the projections only.' },
      ] }],
    },
  },
  // One handler, many doors: the worker and the CLI dispatch the application's handlers, never the API's code.
  {
    files: ['apps/worker/**/*.ts', 'apps/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/api/*', '**/api/**', '**/web/*', '**/web/**'], message: 'The worker and the CLI import the libraries, not another app.' },
      ] }],
    },
  },
);
