#!/usr/bin/env bash
# Does the app's memory grow from round to round? Starts the Release build on core 0 against the national PostgreSQL
# data of bench/national.sh, signs the 50 bench members in again, then for each ROUND runs the reading and booking
# scenarios for 8 s each (wrk on core 1: plaintext, availability signed in, spread bookings with BENCH_ROUND=ROUND, a
# site's page, the observatory) and prints the resident memory (RSS) 3 s after the round.
# Usage: bench/memory-rounds.sh ROUND [ROUND…]   Needs: what bench/booking-cpu.sh needs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DATA=${BENCH_DATA:-/tmp/cotravail-national}; PORT=${BENCH_PORT:-5198}
BENCH_POSTGRES=${BENCH_POSTGRES:-"Host=127.0.0.1;Port=55432;Username=postgres;Database=national"}
PASSWORD="banc-d-essai-mot-de-passe"
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Demo__Activity=false Demo__Password="$PASSWORD" \
  Mail__PickupDirectory="$DATA/mail" RateLimits__Enabled=false Security__Https=false \
  Database__Provider=Postgres ConnectionStrings__Postgres="$BENCH_POSTGRES;Maximum Pool Size=100" BENCH_CONFIG="$DATA/config.lua"
dotnet build -c Release src/Cotravail.Web -v quiet -nologo >/dev/null
(cd src/Cotravail.Web && exec taskset -c 0 dotnet bin/Release/net10.0/Cotravail.Web.dll --urls "http://127.0.0.1:$PORT") >"$DATA/app-memory.log" 2>&1 &
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
b="http://127.0.0.1:$PORT"
for _ in $(seq 1 300); do curl -fs "$b/health" >/dev/null && break; sleep 0.5; done
APP=$(pgrep -f "Cotravail.Web.dll --urls $b" | head -n 1)
{ sed '/^  tokens = {/,$d' "$BENCH_CONFIG"; echo "  tokens = {"
  for i in $(seq 0 49); do
    curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"bench-$i@cotravail.test\",\"password\":\"$PASSWORD\"}" \
      "$b/api/v1/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/    "\1",/'; echo
  done
  echo "  },"; echo "}"; } >"$BENCH_CONFIG.new" && mv "$BENCH_CONFIG.new" "$BENCH_CONFIG"
TOKEN=$(awk -F'"' '/^    "/ { print $2; exit }' "$BENCH_CONFIG")
PG_URL=$(echo "$BENCH_POSTGRES" | awk -F';' '{for(i=1;i<=NF;i++){split($i,kv,"=");k=tolower(kv[1]);v[k]=kv[2]}} END{printf "postgresql://%s@%s:%s/%s", v["username"], v["host"], v["port"], v["database"]}')
SITE=$(psql -qAt "$PG_URL" -c "SELECT \"Id\" FROM \"Sites\" WHERE \"Slug\" = 'tl-1'")
from=$(date -u -d '+7 days' +%F); to=$(date -u -d '+13 days' +%F)
echo "start: $(($(ps -o rss= -p "$APP") / 1024)) MiB"
for round in "$@"; do
  taskset -c 1 wrk -t1 -c32 -d8s "$b/health/live" >/dev/null
  taskset -c 1 wrk -t1 -c32 -d8s -H "Authorization: Bearer $TOKEN" "$b/api/v1/sites/$SITE/availability?from=$from&to=$to" >/dev/null
  booked=$(BENCH_ROUND=$round taskset -c 1 wrk -t1 -c32 -d8s --timeout 30s -s bench/book-national.lua "$b" | awk '/requests in/ {print $1}')
  taskset -c 1 wrk -t1 -c32 -d8s "$b/espaces/tl-1" >/dev/null
  taskset -c 1 wrk -t1 -c4 -d8s --timeout 30s "$b/api/v1/observatory/indicators?perSite=false" >/dev/null
  sleep 3
  echo "round $round ($booked booking requests): $(($(ps -o rss= -p "$APP") / 1024)) MiB"
done
