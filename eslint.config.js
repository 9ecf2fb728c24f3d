// Lint: TypeScript-aware rules, and the rule that keeps the domain library pure.
const tseslint = require('typescript-eslint');

const infrastructure = ['@nestjs/*', '@eventstore/*', '@kurrent/*', 'bullmq', 'ioredis', 'class-validator', 'class-transformer', 'pg', '@electric-sql/*', 'express', 'exceljs'];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.test-services/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]", message: 'No focused tests' }],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: infrastructure, message: 'The domain library stays pure: no framework, store, queue or validation imports.' },
          { group: ['@ledger/*', '../../../*'], message: 'The domain library depends on no other library of the ledger.' },
        ],
      }],
    },
  },
);
