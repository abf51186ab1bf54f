#!/usr/bin/env bash
# What a booking costs the app, in CPU: starts the Release build on core 0 against the national PostgreSQL data of
# bench/national.sh, signs the 50 bench members in again (fresh tokens in $BENCH_DATA/config.lua), warms up for 10 s,
# then for each ROUND runs 15 s of spread bookings (bench/book-national.lua, wrk on core 1) and divides the app's CPU
# time (utime + stime from /proc/PID/stat) by the bookings created; the same for PostgreSQL, summed over the processes of
# the postgres user (its server, when it runs on this machine). A last line gives the same over all rounds once the
# outbox is empty, so that the confirmations' sending is counted whole (a round's own figures may leave some to the next).
# Usage: bench/booking-cpu.sh ROUND [ROUND…]   (each ROUND a number no earlier run of this database used; two rounds in a
# row, 2k+1 and 2k+2, book the same day and half-day, so that the second finds fuller pools: compare builds on odd rounds)
# Needs: the data and config.lua of bench/national.sh, its PostgreSQL started (BENCH_POSTGRES, default port 55432; psql
# reaches it as BENCH_PSQL, by default the same address). Environment: WARMUP=10 DURATION=15 (seconds) USERS=50
# BENCH_PORT=5198 BENCH_DATA=/tmp/cotravail-national BENCH_NO_BUILD=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/common.sh
DATA=${BENCH_DATA:-/tmp/cotravail-national}; PORT=${BENCH_PORT:-5198}
BENCH_POSTGRES=${BENCH_POSTGRES:-"Host=127.0.0.1;Port=55432;Username=postgres;Database=national"}
BENCH_PSQL=${BENCH_PSQL:-$(bench_pg_url "$BENCH_POSTGRES")}
WARMUP=${WARMUP:-10}; DURATION=${DURATION:-15}; USERS=${USERS:-50}
PASSWORD="banc-d-essai-mot-de-passe"
[ -f "$DATA/config.lua" ] || bench_fail "no $DATA/config.lua: run bench/national.sh first (BENCH_DATA=$DATA)"
bench_production "$PORT"
export Logging__LogLevel__Default=Warning Demo__Activity=false Demo__Password="$PASSWORD" \
  Mail__PickupDirectory="$DATA/mail" RateLimits__Enabled=false \
  Database__Provider=Postgres ConnectionStrings__Postgres="$BENCH_POSTGRES;Maximum Pool Size=100" BENCH_CONFIG="$DATA/config.lua"
bench_build
(cd src/Cotravail.Web && exec taskset -c 0 dotnet bin/Release/net10.0/Cotravail.Web.dll --urls "http://127.0.0.1:$PORT") >"$DATA/app-cpu.log" 2>&1 &
APP=$!
trap 'bench_stop $APP' EXIT
bench_wait "http://127.0.0.1:$PORT/health" "$APP" "$DATA/app-cpu.log"
{ sed '/^  tokens = {/,$d' "$BENCH_CONFIG"; echo "  tokens = {"
  bench_token_lines "http://127.0.0.1:$PORT" "$PASSWORD" "$USERS"
  echo "  },"; echo "}"; } >"$BENCH_CONFIG.new" && mv "$BENCH_CONFIG.new" "$BENCH_CONFIG"
BENCH_ROUND=$((900 + RANDOM % 90)) taskset -c 1 wrk -t1 -c32 -d"${WARMUP}s" --timeout 30s -s bench/book-national.lua "http://127.0.0.1:$PORT" >/dev/null
hz=$(getconf CLK_TCK)
pg_ticks() { for p in $(pgrep -u postgres); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done | awk '{s += $1} END {print s + 0}'; }
app_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
per() { awk -v a="$1" -v b="$2" -v n="$3" -v hz="$hz" 'BEGIN { printf "%.2f", n ? (b - a) * 1000 / hz / n : 0 }'; }
# The confirmations of earlier requests are sent before counting, and those of the rounds before the total is read.
drain() { for _ in $(seq 1 120); do [ "$(psql -qAt "$BENCH_PSQL" -c 'SELECT count(*) FROM "OutboxMails"' 2>/dev/null || echo 0)" = 0 ] && return; sleep 0.5; done; }
drain
T0=$(app_ticks); P0=$(pg_ticks); all=0
for round in "$@"; do
  t0=$(app_ticks); p0=$(pg_ticks)
  out=$(BENCH_ROUND=$round taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" --timeout 30s -s bench/book-national.lua "http://127.0.0.1:$PORT")
  bench_wrk_check "round $round" "$out"
  t1=$(app_ticks); p1=$(pg_ticks)
  total=$(echo "$out" | awk '/requests in/ {print $1}'); refused=$(echo "$out" | awk '/Non-2xx/ {print $5}'); refused=${refused:-0}
  created=$((total - refused)); all=$((all + created))
  echo "round $round: $(echo "$out" | awk '/Requests\/sec/ {print $2}') requests/s, $created created, $refused refused, $(per "$t0" "$t1" "$created") ms of app CPU per booking, $(per "$p0" "$p1" "$created") ms of PostgreSQL's"
done
drain
echo "all rounds, their mail sent: $all created, $(per "$T0" "$(app_ticks)" "$all") ms of app CPU per booking, $(per "$P0" "$(pg_ticks)" "$all") ms of PostgreSQL's"
