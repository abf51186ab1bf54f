#!/usr/bin/env bash
# The observatory's goal (issue 8) at full scale on PostgreSQL: 3,500 sites, 100,000 members, 10 million visits over a
# year (every one a walk-in taking a desk; no bookings, to keep the load short), 10,000 events; then S5 alone:
# 10 sequential requests timed with curl (every site / every site summed (perSite=false) / one site / a fixed 12-month period), and wrk -c4 on core 1
# with the app on core 0. Usage: BENCH_POSTGRES="Host=…;Port=…;Username=…;Database=…" bench/observatory-10m.sh
# (the database is dropped and created again). Needs: the .NET SDK, psql, curl, wrk, taskset.
# Environment (a smaller run): SITES=3500 MEMBERS=100000 VISITS=10000000 EVENTS=10000 DURATION=10 BENCH_PORT=5197
# BENCH_NO_BUILD=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/common.sh
SITES=${SITES:-3500}; MEMBERS=${MEMBERS:-100000}; VISITS=${VISITS:-10000000}; EVENTS=${EVENTS:-10000}; DURATION=${DURATION:-10}
PORT=${BENCH_PORT:-5197}
: "${BENCH_POSTGRES:?set BENCH_POSTGRES to a PostgreSQL connection string}"
PG_URL=$(bench_pg_url "$BENCH_POSTGRES")
DB=${PG_URL##*/}
WORK=$(mktemp -d /tmp/cotravail-10m.XXXXXX)
APP_PID=""
trap 'bench_stop "$APP_PID"; rm -rf "$WORK"' EXIT
bench_build src/Cotravail.Web bench/Cotravail.Bench
APP=$APP_DLL
GEN=$GEN_DLL
bench_production "$PORT"
export Logging__LogLevel__Default=Warning Demo__Activity=false Demo__Password=banc-d-essai-mot-de-passe
export Mail__PickupDirectory="$WORK/mail" Identity__PasswordIterations=1000
export Database__Provider=Postgres ConnectionStrings__Postgres="$BENCH_POSTGRES;Maximum Pool Size=100"
psql -q "${PG_URL%/*}/postgres" -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""
start=$SECONDS
dotnet "$APP" bench-data --users 2 --password banc-d-essai-mot-de-passe | tail -n 1
dotnet "$APP" observatory-suspend | tail -n 1
dotnet "$GEN" --provider postgres --connection "$BENCH_POSTGRES" --sites "$SITES" --members "$MEMBERS" --visits "$VISITS" --bookings 0 --events "$EVENTS"
dotnet "$APP" observatory-rebuild | tail -n 1
echo "generated in $((SECONDS - start)) s"

taskset -c 0 dotnet "$APP" --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
bench_wait "http://127.0.0.1:$PORT/health" "$APP_PID" "$WORK/app.log"
SITE=$(psql -qAt "$PG_URL" -c "SELECT \"Id\" FROM \"Sites\" WHERE \"Slug\" = 'tl-1'")
[ -n "$SITE" ] || bench_fail "no national site tl-1 in $PG_URL"
echo "visits: $(psql -qAt "$PG_URL" -c 'SELECT COUNT(*) FROM "Visits"'), sites: $(psql -qAt "$PG_URL" -c 'SELECT COUNT(*) FROM "Sites"'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for url in "/api/v1/observatory/indicators" "/api/v1/observatory/indicators?perSite=false" "/api/v1/observatory/indicators?siteId=$SITE" "/api/v1/observatory/indicators?from=2025-12-01&to=2026-11-30"; do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$url" || bench_fail "GET $url failed"   # the first request compiles the queries
  times=$(for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$url"; done | sort -n)
  echo "$url: median $(echo "$times" | sed -n 5p | awk '{printf "%.0f", $1*1000}') ms, fastest $(echo "$times" | head -1 | awk '{printf "%.0f", $1*1000}') ms, slowest $(echo "$times" | tail -1 | awk '{printf "%.0f", $1*1000}') ms, $(curl -s "http://127.0.0.1:$PORT$url" | wc -c) bytes"
done
taskset -c 1 wrk -t1 -c4 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/api/v1/observatory/indicators?siteId=$SITE" | grep -E "Requests/sec|50%|99%"
taskset -c 1 wrk -t1 -c4 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/api/v1/observatory/indicators?perSite=false" | grep -E "Requests/sec|50%|99%"
taskset -c 1 wrk -t1 -c4 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/api/v1/observatory/indicators" | grep -E "Requests/sec|50%|99%"
echo "RSS: $(( $(ps -o rss= -p $APP_PID) / 1024 )) MiB; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
