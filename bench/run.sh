#!/usr/bin/env bash
# Measures Cotravail on SQLite with wrk on loopback, in one run:
#   1. GET /health/live          plaintext through the whole middleware pipeline: the ceiling on this machine
#   2. GET availability          a week of one site (public; anonymous answers are cached 2 s, ADR 0006)
#      and the same with new dates on every request, which always reads the database
#   3. POST /api/v1/bookings     desk bookings by 200 members, each request a new (member, day, half-day)
# Prints a Markdown table (requests/s, p50, p99, ratio to the ceiling, the app's CPU time per request) and writes it to
# bench/results/latest.md.
# Set-up and measurement are two starts of the app on the same database: the set-up signs the members in for bearer
# tokens with the rate limits off (RateLimits__Enabled=false: 200 sign-ins from one address would pass the login
# limit of 50 per 15 minutes); the measured app runs with the public limits, as in production. The tokens stay valid
# across the restart: the data-protection keys are kept in the database.
# Needs: the .NET SDK, curl and wrk (apt-get install wrk); sqlite3 for the count of bookings (optional).
# Usage: bench/run.sh [connections] [seconds]   Environment: USERS=200 WARMUP=3 BENCH_PORT=5199 BENCH_NO_BUILD=1
#        BENCH_RESULTS=bench/results; the run fails when a scenario completes no request or any request fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/common.sh
CONNECTIONS=${1:-32}
DURATION=${2:-10}
WARMUP=${WARMUP:-3}
PORT=${BENCH_PORT:-5199}
USERS=${USERS:-200}
PASSWORD="banc-d-essai-mot-de-passe"
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/cotravail-bench.XXXXXX)
APP_PID=""
cleanup() { bench_stop "$APP_PID"; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null || bench_fail "wrk is missing: apt-get install wrk"
bench_build

bench_production "$PORT"
export ConnectionStrings__Sqlite="Data Source=$WORK/bench.db"
export Mail__PickupDirectory="$WORK/mail"
export Demo__Password="$PASSWORD"
export Identity__PasswordIterations=1000   # the set-up's sign-ins; the measured requests use bearer tokens
export Logging__LogLevel__Default=Warning
export Demo__Activity=false                # the demo network without its year of activity: the bench site is measured

bench_log "bench-data"
SEED=$(dotnet "$APP_DLL" bench-data --users "$USERS" --password "$PASSWORD" | tail -n 1)
SITE=$(echo "$SEED" | sed -nE 's/bench site ([0-9]+).*/\1/p')
POOL=$(echo "$SEED" | sed -nE 's/.*desk pool ([0-9]+).*/\1/p')
[ -n "$SITE" ] && [ -n "$POOL" ] || bench_fail "bench-data printed no site and desk pool: $SEED"

bench_log "set-up app"
# Set-up: the app without the public limits, only to sign the bench members in.
RateLimits__Enabled=false dotnet "$APP_DLL" --urls "$BASE" >"$WORK/setup.log" 2>&1 &
APP_PID=$!
bench_wait "$BASE/health" "$APP_PID" "$WORK/setup.log"
bench_log "signing in"
{
  echo "return {"
  echo "  resource = $POOL,"
  echo -n "  dates = {"
  for d in $(seq 2 89); do echo -n "\"$(date -u -d "+$d days" +%F)\","; done
  echo "},"
  echo "  tokens = {"
  bench_token_lines "$BASE" "$PASSWORD" "$USERS"
  echo "  },"
  echo "}"
} >"$WORK/config.lua"
export BENCH_CONFIG="$WORK/config.lua"
bench_stop "$APP_PID"; APP_PID=""

bench_log "measured app"
# Measurement: the app as in production, rate limits on.
dotnet "$APP_DLL" --urls "$BASE" >"$WORK/app.log" 2>&1 &
APP_PID=$!
bench_wait "$BASE/health" "$APP_PID" "$WORK/app.log"

bench_warm_booking "$BASE" "$(awk -F'"' '/^    "/ { print $2; exit }' "$BENCH_CONFIG")" "$POOL"

FROM=$(date -u -d "+7 days" +%F); TO=$(date -u -d "+13 days" +%F)
app_cpu() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; } # clock ticks of user and system time
measure() { # name, warm-up (yes/no), wrk arguments...
  local name=$1 warm=$2; shift 2
  bench_log "$name"
  if [ "$warm" = yes ] && [ "$WARMUP" != 0 ]; then wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$@" >/dev/null 2>&1 || true; fi
  local out cpu0
  cpu0=$(app_cpu)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")
  echo "$out" >"$WORK/$name.txt"
  bench_wrk_check "$name" "$out"
  local rps p50 p99 non2xx cpu
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  # the app's CPU per request: steadier than requests/s when other work shares the machine
  cpu=$(awk -v a="$cpu0" -v b="$(app_cpu)" -v n="$(echo "$out" | awk '/requests in/ {print $1}')" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')
  echo "$name|$rps|$p50|$p99|${non2xx:-0}|$cpu"
}

ROWS=()
ROWS+=("$(measure plaintext yes "$BASE/health/live")")
ROWS+=("$(measure availability yes "$BASE/api/v1/sites/$SITE/availability?from=$FROM&to=$TO")")
# Every request a different (from, to): never served from the output cache, the database is read every time.
export AVAILABILITY_SITE=$SITE
ROWS+=("$(measure availability-uncached yes -s bench/availability-uncached.lua "$BASE")")
# No warm-up run for bookings: it would take the (member, day, half-day) pairs the measured run then asks for.
ROWS+=("$(measure booking no -s bench/book.lua "$BASE")")
BOOKED=$(sqlite3 "$WORK/bench.db" 'select count(*) from Bookings' 2>/dev/null || echo "?")

CEILING=$(echo "${ROWS[0]}" | cut -d'|' -f2)
FAILED=0
mkdir -p "$RESULTS"
{
  SETTINGS=$(env | grep -E '^DOTNET_(gc|GC|Tiered|TC_|ReadyToRun)' | sort | paste -sd' ' || true)
  echo "Run $(date -u +%FT%TZ) on $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg)), SQLite, wrk -t2 -c$CONNECTIONS -d${DURATION}s, loopback, rate limits on; runtime settings: ${SETTINGS:-as built}."
  echo
  echo "| endpoint | requests/s | p50 | p99 | non-2xx | ratio to ceiling | app CPU per request (ms) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name rps p50 p99 non2xx cpu <<<"$row"
    ratio=$(awk -v a="$rps" -v b="$CEILING" 'BEGIN { printf "%.0f %%", 100 * a / b }')
    echo "| $name | $rps | $p50 | $p99 | $non2xx | $ratio | $cpu |"
  done
  echo
  echo "Bookings stored after the run: $BOOKED."
} | tee "$RESULTS/latest.md"
for row in "${ROWS[@]}"; do
  IFS="|" read -r name _ _ _ non2xx _ <<<"$row"
  if [ "$non2xx" != 0 ]; then echo "bench: $name: $non2xx requests failed (raw: $name.txt)" >&2; FAILED=1; fi
done
[ "$FAILED" = 0 ] || bench_fail "some measured requests failed: the figures above measure errors"
