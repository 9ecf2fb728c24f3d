#!/usr/bin/env bash
# `npm run bench` and `npm run reliability`: builds, brings up a throwaway PostgreSQL and Redis (as
# the tests do), then runs the given command with DATABASE_URL and REDIS_URL set.
# Usage: with-services.sh NAME COMMAND [ARGS...]   (NAME names the folder of the services' files)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUN_DIR="$ROOT/.test-services/$1"
shift
mkdir -p "$ROOT/.test-services"
# Figures are taken with fsync on, as a council's server runs (the tests' throwaway server has it off).
export PG_FSYNC=on
source "$ROOT/scripts/services.sh"
[ -d node_modules ] || fail "dependencies are not installed: run npm install first"
ensure_services
npm run --silent build
"$@"
