#!/usr/bin/env bash
# Shared by test.sh and with-services.sh (bench, reliability): throwaway PostgreSQL and Redis from the Debian packages, on free
# ports, installed first when absent (as root), stopped on exit. Sourced, not run.


rm -rf "$RUN_DIR"; mkdir -p "$RUN_DIR"
log() { printf '[test] %s\n' "$*"; }
fail() { printf '[test] FAILED: %s\n' "$*" >&2; exit 1; }

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
is_root() { [ "$(id -u)" = 0 ]; }
APT_UPDATED=0
apt_install() {
  is_root || fail "$1 is not installed. Install it with: sudo apt-get update && sudo apt-get install -y $*"
  command -v apt-get >/dev/null || fail "$1 is not installed and apt-get is not available; install $* and run again"
  if [ $APT_UPDATED = 0 ]; then log "apt-get update"; apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  log "installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || fail "apt-get install -y $* failed"
}

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }; done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

cleanup() {
  if [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/postmaster.pid" ]; then
    $PG_AS "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "${PG_TMP:-}" ]; then rm -rf "$PG_TMP"; fi
  if [ -f "$RUN_DIR/redis.pid" ]; then kill "$(cat "$RUN_DIR/redis.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT

start_postgres() {
  PG_BIN=$(pg_bin) || { apt_install postgresql; PG_BIN=$(pg_bin) || fail "PostgreSQL binaries not found after install"; }
  # The cluster lives in a temporary folder of its own, not in the clone: the clone may sit in a folder
  # that only root can enter (/root/...), and the server runs as the postgres user.
  PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ledger-test-pg.XXXXXX"); PG_AS=""
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent postgres
    chown postgres "$PG_TMP"; chmod 700 "$PG_TMP"
    PG_AS="runuser -u postgres --"
  fi
  PG_DIR="$PG_TMP/data"
  local port; port=$(free_port)
  (cd / && $PG_AS "$PG_BIN/initdb" -D "$PG_DIR" --auth=trust -U postgres --no-sync) >"$RUN_DIR/initdb.log" 2>&1 || fail "initdb failed (see $RUN_DIR/initdb.log)"
  (cd / && $PG_AS "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-off} -c max_connections=200 -c idle_in_transaction_session_timeout=60000" start >/dev/null \
    ) || fail "PostgreSQL did not start (see $PG_DIR/server.log)"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  log "throwaway PostgreSQL on port $port"
}

start_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  command -v redis-server >/dev/null || fail "redis-server not found after install"
  local port; port=$(free_port)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --maxmemory-policy noeviction \
    --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log" --dir "$RUN_DIR" >/dev/null \
    || fail "Redis did not start (see $RUN_DIR/redis.log)"
  for _ in $(seq 1 50); do [ -f "$RUN_DIR/redis.pid" ] && break; sleep 0.1; done
  export REDIS_URL="redis://127.0.0.1:$port"
  log "throwaway Redis on port $port"
}


# Debian's Chromium for the browser tests (playwright-core drives /usr/bin/chromium; no browser downloads).
ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
  [ -x /usr/bin/chromium ] || fail "/usr/bin/chromium not found after install"
  # pdftotext reads the weekly report's PDF back in the tests.
  command -v pdftotext >/dev/null || apt_install poppler-utils
  command -v pdftotext >/dev/null || fail "pdftotext not found after installing poppler-utils"
}

# Uses DATABASE_URL / REDIS_URL when set, otherwise starts throwaway servers; fails when it cannot.
ensure_services() {
  if [ -z "${DATABASE_URL:-}" ]; then start_postgres; else log "using DATABASE_URL from the environment"; fi
  if [ -z "${REDIS_URL:-}" ]; then start_redis; else log "using REDIS_URL from the environment"; fi
  node -e "new (require('pg').Client)({connectionString:process.env.DATABASE_URL}).connect().then(c=>process.exit(0),e=>{console.error(e.message);process.exit(1)})" \
    || fail "PostgreSQL at DATABASE_URL is not reachable"
  node -e "const {Redis}=require('ioredis');const r=new Redis(process.env.REDIS_URL,{lazyConnect:true,maxRetriesPerRequest:0,retryStrategy:()=>null});r.connect().then(()=>r.ping()).then(()=>process.exit(0),e=>{console.error(e.message);process.exit(1)})" \
    || fail "Redis at REDIS_URL is not reachable"
}
