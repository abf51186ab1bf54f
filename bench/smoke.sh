#!/usr/bin/env bash
# Runs every script of bench/ at a tiny scale, so that none rots: each must go to its end without an error (the app
# starts, signs in, answers every scenario, no overbooking). The figures printed mean nothing at this scale.
#   run.sh                   60 members signed in (past the login limit of 50, which only the set-up may pass), 1 s per scenario
#   memory-idle.sh           the demo network without its year of activity, 1 s of idleness between readings
#   national.sh              generate and measure a national network of 4 sites, SQLite and PostgreSQL, one round of 1 s
#   booking-cpu.sh           one round of 1 s on that PostgreSQL data
#   memory-rounds.sh         one round of 1 s per scenario on it
#   observatory-10m.sh       4 sites and 400 visits on PostgreSQL
# The apps start with quick first compilation and no profile-guided recompilation (DOTNET_TC_QuickJit=1,
# DOTNET_TieredPGO=0): about a third less CPU to start, which is most of a smoke's time.
# Everything goes to a temporary folder (databases, mail, reports); the apps listen on free loopback ports from 5190 up.
# PostgreSQL: BENCH_POSTGRES, or else the server of COTRAVAIL_TEST_POSTGRES (as test.sh starts it), in databases of
# their own that are dropped at the end; without either, the PostgreSQL scripts are skipped (said at the end).
# Prints one line per script and ends with « bench smoke: N scripts passed, N failed, N skipped »; exits 1 when one failed,
# after the end of its output.
# Usage: bench/smoke.sh [SCRIPT…] (only those, e.g. bench/smoke.sh run.sh)
# Environment: BENCH_NO_BUILD=1 (use the Release build already made, as test.sh does). Needs: what the scripts need
# (the .NET SDK, curl, wrk, sqlite3, psql, taskset).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/common.sh
for tool in wrk sqlite3 curl taskset; do command -v "$tool" >/dev/null || bench_fail "$tool is missing (apt-get install wrk sqlite3 curl util-linux)"; done
WORK=$(mktemp -d /tmp/cotravail-bench-smoke.XXXXXX)
export BENCH_RESULTS="$WORK/results" BENCH_DATA="$WORK/national"
START=$SECONDS
ONLY=" $* "

PG=${BENCH_POSTGRES:-}
if [ -z "$PG" ] && [ -n "${COTRAVAIL_TEST_POSTGRES:-}" ]; then
  # the test server's address and user; the bench's own database
  PG=$(echo "$COTRAVAIL_TEST_POSTGRES" | tr ';' '\n' | grep -iE '^(host|port|username|password)=' | paste -sd';')
fi
if [ -n "$PG" ]; then
  PG=$(echo "$PG" | tr ';' '\n' | grep -viE '^database=' | paste -sd';')
  PG_NATIONAL="$PG;Database=cotravail_bench_smoke"
  PG_10M="$PG;Database=cotravail_bench_smoke_10m"
  command -v psql >/dev/null || bench_fail "psql is missing (apt-get install postgresql-client)"
fi
drop_databases() {
  if [ -n "$PG" ]; then
    for db in cotravail_bench_smoke cotravail_bench_smoke_10m; do
      psql -q "$(bench_pg_url "$PG;Database=postgres")" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    done
  fi
}
cleanup() { drop_databases; rm -rf "$WORK"; }
trap cleanup EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
NEXT_PORT=5190
free_port() { # the next free port from NEXT_PORT up, in FREE_PORT
  while ! port_free "$NEXT_PORT"; do NEXT_PORT=$((NEXT_PORT + 1)); done
  FREE_PORT=$NEXT_PORT; NEXT_PORT=$((NEXT_PORT + 1))
}

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then bench_build src/Cotravail.Web bench/Cotravail.Bench; fi
export BENCH_NO_BUILD=1 DOTNET_TC_QuickJit=1 DOTNET_TieredPGO=0

PASSED=(); FAILED=(); SKIPPED=()
step() { # name, command…: runs one script, its output in a log; a failure shows the log's end
  local name=$1 began=$SECONDS log
  shift
  if [ "$ONLY" != "  " ] && [[ "$ONLY" != *" ${name%% *} "* ]]; then return; fi
  log="$WORK/$(echo "$name" | tr ' /' '__').log"
  free_port
  local rc=0
  (export BENCH_PORT=$FREE_PORT; "$@") >"$log" 2>&1 || rc=$?
  if [ "$rc" != 0 ]; then
    # run.sh has, rarely and only on a loaded machine, stopped with status 1 and no output: tried once more, and said.
    echo "bench smoke: $name stopped (exit $rc) after $((SECONDS - began)) s; tried once more. Its output:" >&2
    tail -n 40 "$log" | sed 's/^/    /' >&2
    free_port
    rc=0
    (export BENCH_PORT=$FREE_PORT; "$@") >"$log" 2>&1 || rc=$?
  fi
  if [ "$rc" = 0 ]; then
    PASSED+=("$name ($((SECONDS - began)) s)")
    echo "bench smoke: $name passed in $((SECONDS - began)) s"
  else
    FAILED+=("$name")
    # above 128: stopped by signal rc - 128 (143: SIGTERM, 137: SIGKILL)
    echo "bench smoke: $name FAILED (exit $rc) after $((SECONDS - began)) s; the end of its output:" >&2
    tail -n 40 "$log" | sed 's/^/    /' >&2
  fi
}
skip() { # name, reason
  if [ "$ONLY" != "  " ] && [[ "$ONLY" != *" $1 "* ]]; then return; fi
  SKIPPED+=("$1"); echo "bench smoke: $1 skipped: $2" >&2
}

# PBKDF2 at 1,000 iterations instead of 210,000: national.sh's login scenario completes requests within its second
TINY=(SITES=4 MEMBERS=40 VISITS=400 BOOKINGS=100 EVENTS=4 Identity__PasswordIterations=1000)
step "run.sh" env USERS=60 WARMUP=0 bench/run.sh 4 1
step "memory-idle.sh" env IDLE=1 Demo__Activity=false bench/memory-idle.sh
if [ -n "$PG" ]; then
  step "national.sh" env "${TINY[@]}" USERS=4 CONNECTIONS=4 DURATION=1 WARMUP=0 ROUNDS=1 DRAIN_TRIES=4 \
    BENCH_POSTGRES="$PG_NATIONAL" bench/national.sh all
  if [ -f "$BENCH_DATA/config.lua" ] || [ "$ONLY" != "  " ]; then
    step "booking-cpu.sh" env USERS=4 WARMUP=1 DURATION=1 BENCH_POSTGRES="$PG_NATIONAL" bench/booking-cpu.sh 3
    step "memory-rounds.sh" env USERS=4 DURATION=1 BENCH_POSTGRES="$PG_NATIONAL" bench/memory-rounds.sh 5
  else
    FAILED+=("booking-cpu.sh and memory-rounds.sh (no national data)")
  fi
  step "observatory-10m.sh" env "${TINY[@]}" DURATION=1 BENCH_POSTGRES="$PG_10M" bench/observatory-10m.sh
else
  step "national.sh (SQLite only)" env "${TINY[@]}" USERS=4 CONNECTIONS=4 DURATION=1 WARMUP=0 ROUNDS=1 DRAIN_TRIES=4 \
    PROVIDERS=sqlite bench/national.sh all
  for s in booking-cpu.sh memory-rounds.sh observatory-10m.sh; do skip "$s" "no PostgreSQL (set BENCH_POSTGRES or COTRAVAIL_TEST_POSTGRES)"; done
fi

echo "bench smoke: ${#PASSED[@]} scripts passed, ${#FAILED[@]} failed, ${#SKIPPED[@]} skipped, in $((SECONDS - START)) s"
[ ${#FAILED[@]} -eq 0 ] || bench_fail "broken: ${FAILED[*]}"
