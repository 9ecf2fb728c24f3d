#!/usr/bin/env bash
# `npm run bench`: builds, brings up a throwaway PostgreSQL (as the tests do) and prints figures.
# It measures and prints; it asserts nothing about time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUN_DIR="$ROOT/.test-services/bench"
mkdir -p "$ROOT/.test-services"
source "$ROOT/scripts/services.sh"
[ -d node_modules ] || fail "dependencies are not installed: run npm install first"
ensure_services
npm run --silent build
node --expose-gc dist/test/bench/main.js "$@"
