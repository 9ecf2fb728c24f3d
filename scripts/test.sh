#!/usr/bin/env bash
# The test command (`npm test`): brings up what the tests need, runs every tier, and fails, never
# skips, when a needed service cannot be had. Uses DATABASE_URL / REDIS_URL when set; otherwise
# starts a throwaway PostgreSQL and Redis on free ports and stops them afterwards. As root it
# installs the Debian packages first when they are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUN_DIR="$ROOT/.test-services"
source "$ROOT/scripts/services.sh"
[ -d node_modules ] || fail "dependencies are not installed: run npm install first"
ensure_services
ensure_chromium

log "type-check"; npx tsc -p tsconfig.json --noEmit
log "lint"; npx eslint "{apps,libs,test}/**/*.ts"
log "build"; npm run --silent build

log "jest (unit *.spec, integration *.int-spec, end-to-end *.e2e-spec)"
set +e
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --json --outputFile="$RUN_DIR/jest.json" "$@"
status=$?
set -e
node -e "
const r = require('$RUN_DIR/jest.json');
const tiers = { unit: 0, integration: 0, 'end-to-end': 0 };
for (const f of r.testResults) {
  const n = f.assertionResults.filter(a => a.status === 'passed').length;
  tiers[f.name.endsWith('.e2e-spec.ts') ? 'end-to-end' : f.name.endsWith('.int-spec.ts') ? 'integration' : 'unit'] += n;
}
for (const f of r.testResults) for (const a of f.assertionResults) if (a.status === 'pending') console.log('SKIPPED: ' + a.fullName + '  (' + f.name.replace(process.cwd() + '/', '') + ')');
console.log('passed by tier: ' + Object.entries(tiers).map(([k, v]) => k + ' ' + v).join(', '));
for (const f of r.testResults) if (f.status === 'failed' && f.assertionResults.every(a => a.status !== 'failed')) console.log('SUITE FAILED TO RUN: ' + f.name.replace(process.cwd() + '/', ''));
const unrunnable = r.testResults.filter(f => f.status === 'failed' && f.assertionResults.every(a => a.status !== 'failed')).length;
console.log('tests: ' + r.numPassedTests + ' passed, ' + (r.numFailedTests + unrunnable) + ' failed, ' + r.numPendingTests + ' skipped');
" || true
exit $status
