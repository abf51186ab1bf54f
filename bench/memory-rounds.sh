#!/usr/bin/env bash
# Does the app's memory grow from round to round? Starts the Release build on core 0 against the national PostgreSQL
# data of bench/national.sh, signs the 50 bench members in again, then for each ROUND runs the reading and booking
# scenarios for 8 s each (wrk on core 1: plaintext, availability signed in, spread bookings with BENCH_ROUND=ROUND, a
# site's page, the observatory) and prints the resident memory (RSS) 3 s after the round.
# Usage: bench/memory-rounds.sh ROUND [ROUND…]   Needs: what bench/booking-cpu.sh needs.
# Environment: DURATION=8 (seconds per scenario) USERS=50 BENCH_PORT=5198 BENCH_DATA=/tmp/cotravail-national BENCH_NO_BUILD=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/common.sh
DATA=${BENCH_DATA:-/tmp/cotravail-national}; PORT=${BENCH_PORT:-5198}
BENCH_POSTGRES=${BENCH_POSTGRES:-"Host=127.0.0.1;Port=55432;Username=postgres;Database=national"}
PASSWORD="banc-d-essai-mot-de-passe"
DURATION=${DURATION:-8}; USERS=${USERS:-50}
[ -f "$DATA/config.lua" ] || bench_fail "no $DATA/config.lua: run bench/national.sh first (BENCH_DATA=$DATA)"
bench_production "$PORT"
export Logging__LogLevel__Default=Warning Demo__Activity=false Demo__Password="$PASSWORD" \
  Mail__PickupDirectory="$DATA/mail" RateLimits__Enabled=false \
  Database__Provider=Postgres ConnectionStrings__Postgres="$BENCH_POSTGRES;Maximum Pool Size=100" BENCH_CONFIG="$DATA/config.lua"
bench_build
(cd src/Cotravail.Web && exec taskset -c 0 dotnet bin/Release/net10.0/Cotravail.Web.dll --urls "http://127.0.0.1:$PORT") >"$DATA/app-memory.log" 2>&1 &
APP=$!
trap 'bench_stop $APP' EXIT
b="http://127.0.0.1:$PORT"
bench_wait "$b/health" "$APP" "$DATA/app-memory.log"
{ sed '/^  tokens = {/,$d' "$BENCH_CONFIG"; echo "  tokens = {"
  bench_token_lines "$b" "$PASSWORD" "$USERS"
  echo "  },"; echo "}"; } >"$BENCH_CONFIG.new" && mv "$BENCH_CONFIG.new" "$BENCH_CONFIG"
TOKEN=$(awk -F'"' '/^    "/ { print $2; exit }' "$BENCH_CONFIG")
bench_warm_booking "$b" "$TOKEN" "$(sed -nE 's/^ *resource = ([0-9]+),.*/\1/p' "$BENCH_CONFIG")"
PG_URL=$(bench_pg_url "$BENCH_POSTGRES")
SITE=$(psql -qAt "$PG_URL" -c "SELECT \"Id\" FROM \"Sites\" WHERE \"Slug\" = 'tl-1'")
[ -n "$SITE" ] || bench_fail "no national site tl-1 in $PG_URL"
from=$(date -u -d '+7 days' +%F); to=$(date -u -d '+13 days' +%F)
echo "start: $(($(ps -o rss= -p "$APP") / 1024)) MiB"
for round in "$@"; do
  taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" "$b/health/live" >/dev/null
  taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" -H "Authorization: Bearer $TOKEN" "$b/api/v1/sites/$SITE/availability?from=$from&to=$to" >/dev/null
  out=$(BENCH_ROUND=$round taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" --timeout 30s -s bench/book-national.lua "$b")
  bench_wrk_check "round $round bookings" "$out"
  booked=$(echo "$out" | awk '/requests in/ {print $1}')
  taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" "$b/espaces/tl-1" >/dev/null
  taskset -c 1 wrk -t1 -c4 -d"${DURATION}s" --timeout 30s "$b/api/v1/observatory/indicators?perSite=false" >/dev/null
  sleep 3
  echo "round $round ($booked booking requests): $(($(ps -o rss= -p "$APP") / 1024)) MiB"
done
