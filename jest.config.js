/** Tiers are named by file suffix: *.spec.ts (pure, no I/O), *.int-spec.ts (real PostgreSQL,
 * Redis, embedded store), *.e2e-spec.ts (the HTTP API end to end). */
const swc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swc.$schema;
swc.module.ignoreDynamic = true;
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@ledger/(domain|event-store|application|projections|reporting)$': '<rootDir>/libs/$1/src',
  },
  testTimeout: 60000,
  maxWorkers: 2,
};
