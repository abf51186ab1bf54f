#!/usr/bin/env bash
# National-scale benchmark of Cotravail (issues 8 and 10), on SQLite and on PostgreSQL, in one run:
#   generate  a national network with bench/Cotravail.Bench (Bogus, French locale; PostgreSQL binary COPY, SQLite
#             prepared inserts in big transactions), the observatory's triggers suspended during the load and its
#             counters rebuilt after;
#   measure   with wrk on loopback, the app pinned to core 0 (taskset -c 0) and wrk to core 1 (taskset -c 1):
#             S1 plaintext ceiling, S2 availability GET (anonymous and signed in: the 2-second output cache, ADR 0019; new dates each time: computed),
#             S3 booking POST (distinct slots spread over 2,000 national desk pools; distinct slots of one pool; one
#             contended slot, then checked for overbooking), S4 a site's HTML
#             page, S5 observatory indicators (12 months, every site summed per month; plus 10 sequential requests timed
#             alone, for every site summed, for one site, and once for every site in detail),
#             S6 login (PBKDF2 at the production iteration count). The scenarios run twice in the same process and the
#             resident memory (RSS) is read after each round.
# Usage: bench/national.sh [all|generate|measure]   (default all; generation is skipped when already done at this scale)
# Scale (environment): SITES=3500 MEMBERS=300000 VISITS=10000000 BOOKINGS=10000000 EVENTS=50000
# Other: CONNECTIONS=32 DURATION=10 WARMUP=3 ROUNDS=2 USERS=50 PROVIDERS="sqlite postgres" BENCH_PORT=5198
#        BENCH_DATA=/tmp/cotravail-national BENCH_POSTGRES="Host=…;Port=…;Username=…;Database=…" (that database is
#        dropped and created again), BENCH_RESULTS=bench/results, BENCH_NO_BUILD=1, DRAIN_TRIES=120 (half-seconds).
#        Measuring the same data again: BENCH_SHIFT=25000 (fresh combinations for the spread bookings) and
#        CONTENDED_FROM=10 (the contended slot on the first weekday at least 10 days ahead instead of 3).
#        (without BENCH_POSTGRES a throwaway cluster is started from Debian's postgresql on port 55432, as root).
# Needs: the .NET SDK, wrk, sqlite3, psql, taskset (util-linux), curl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/common.sh
PHASE=${1:-all}
SITES=${SITES:-3500}; MEMBERS=${MEMBERS:-300000}; VISITS=${VISITS:-10000000}; BOOKINGS=${BOOKINGS:-10000000}; EVENTS=${EVENTS:-50000}
CONNECTIONS=${CONNECTIONS:-32}; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-3}; ROUNDS=${ROUNDS:-2}; PORT=${BENCH_PORT:-5198}
PROVIDERS=${PROVIDERS:-sqlite postgres}; DRAIN_TRIES=${DRAIN_TRIES:-120}
DATA=${BENCH_DATA:-/tmp/cotravail-national}
SCALE="sites=$SITES members=$MEMBERS visits=$VISITS bookings=$BOOKINGS events=$EVENTS"
PASSWORD="banc-d-essai-mot-de-passe"
USERS=${USERS:-50}
APP=$APP_DLL
GEN=$GEN_DLL
APP_PID=""; PG_OWN=""
mkdir -p "$DATA"
cleanup() {
  bench_stop "$APP_PID"
  if [ -n "$PG_OWN" ]; then runuser -u postgres -- "$PG_OWN/pg_ctl" -D "$DATA/pg/data" stop -m fast >/dev/null || true; fi
}
trap cleanup EXIT
for tool in wrk sqlite3 psql taskset curl; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install wrk sqlite3 postgresql-client util-linux curl)" >&2; exit 1; }; done
bench_build src/Cotravail.Web bench/Cotravail.Bench

if [ -z "${BENCH_POSTGRES:-}" ] && [[ " $PROVIDERS " == *" postgres "* ]]; then
  PG_OWN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ ! -d "$DATA/pg/data" ]; then
    mkdir -p "$DATA/pg" && chown postgres: "$DATA/pg"
    runuser -u postgres -- "$PG_OWN/initdb" -D "$DATA/pg/data" --auth=trust -U postgres >/dev/null
  fi
  # shared_buffers as PostgreSQL's documentation advises for a server of its own: a quarter of the memory (here at
  # least 256 MB, at most 8 GB); the booking tables' hot pages then stay in PostgreSQL's cache between scenarios.
  SHARED_MB=$(awk '/^MemTotal/ { mb = int($2 / 1024 / 4); if (mb < 256) mb = 256; if (mb > 8192) mb = 8192; print mb }' /proc/meminfo)
  runuser -u postgres -- "$PG_OWN/pg_ctl" -D "$DATA/pg/data" -l "$DATA/pg/log" -o "-c listen_addresses=127.0.0.1 -p 55432 -c unix_socket_directories=$DATA/pg -c max_connections=200 -c shared_buffers=${SHARED_MB}MB" start >/dev/null
  BENCH_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres;Database=national"
fi
BENCH_POSTGRES=${BENCH_POSTGRES:-"Host=127.0.0.1;Port=55432;Username=postgres;Database=national"}
PG_URL=$(bench_pg_url "$BENCH_POSTGRES")
PG_ADMIN_URL="${PG_URL%/*}/postgres"
PG_DB=${PG_URL##*/}

# Rate limits off: S6 measures the login itself, and wrk's 32 connections share one address (the login limit would
# refuse them after 50 tries). Production on plain HTTP on loopback: PublicUrl set, no Secure-only cookies, no redirection.
bench_production "$PORT"
export Logging__LogLevel__Default=Warning Demo__Activity=false Demo__Password="$PASSWORD" Mail__PickupDirectory="$DATA/mail" RateLimits__Enabled=false
use() { # provider
  if [ "$1" = sqlite ]; then export Database__Provider=Sqlite ConnectionStrings__Sqlite="Data Source=$DATA/national.db"; CS="Data Source=$DATA/national.db"
  else export Database__Provider=Postgres ConnectionStrings__Postgres="$BENCH_POSTGRES;Maximum Pool Size=100"; CS="$BENCH_POSTGRES"; fi
}
sql() { # provider, query
  if [ "$1" = sqlite ]; then sqlite3 "$DATA/national.db" "$2"; else psql -qAt "$PG_URL" -c "$2"; fi
}

generate() { # provider
  use "$1"
  if [ -f "$DATA/$1.done" ] && [ "$(cat "$DATA/$1.done")" = "$SCALE" ]; then echo "$1: data already generated ($SCALE)"; return; fi
  if [ "$1" = sqlite ]; then rm -f "$DATA"/national.db*; else psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" -c "CREATE DATABASE \"$PG_DB\""; fi
  local start=$SECONDS
  dotnet "$APP" bench-data --users "$USERS" --password "$PASSWORD" | tail -n 1
  dotnet "$APP" observatory-suspend | tail -n 1
  dotnet "$GEN" --provider "$1" --connection "$CS" --sites "$SITES" --members "$MEMBERS" --visits "$VISITS" --bookings "$BOOKINGS" --events "$EVENTS"
  dotnet "$APP" observatory-rebuild | tail -n 1
  # what autovacuum would do in the following minutes: statistics for the planner, visibility map for index-only scans
  if [ "$1" = postgres ]; then psql -q "$PG_URL" -c 'VACUUM ANALYZE'; fi
  echo "$1: generated in $((SECONDS - start)) s"
  echo "$SCALE" >"$DATA/$1.done"
}

settle() { # waits until the app's CPU is idle (under 5 % over a second): requests wrk abandoned may still be computing
  local hz; hz=$(getconf CLK_TCK)
  for _ in $(seq 1 60); do
    local t0 t1; t0=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat"); sleep 1; t1=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
    [ $(( (t1 - t0) * 100 / hz )) -lt 5 ] && return
  done
}

drain() { # waits until the app answers at once: requests a scenario left queued must not weigh on the next one
  for _ in $(seq 1 "$DRAIN_TRIES"); do
    [ "$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/health/live" | awk '{print ($1 < 0.02)}')" = 1 ] && return
    sleep 0.5
  done
}

measure() { # provider, round
  local name=$1 warm=$2; shift 2
  drain
  if [ "$warm" = yes ] && [ "$WARMUP" != 0 ]; then taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 30s "$@" >/dev/null 2>&1 || true; fi
  local out; out=$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency "$@")
  echo "$out" >"$DATA/last-$name.txt"
  bench_wrk_check "$name" "$out"
  echo "$name|$(echo "$out" | awk '/Requests\/sec/ {print $2}')|$(echo "$out" | awk '$1=="50%" {print $2}')|$(echo "$out" | awk '$1=="99%" {print $2}')|$(echo "$out" | awk '/Non-2xx/ {print $5}')"
}

scenarios() { # provider, round
  local p=$1 round=$2 base="http://127.0.0.1:$PORT"
  export BENCH_ROUND=$round AVAILABILITY_SITE=$NAT_SITE
  local from to; from=$(date -u -d "+7 days" +%F); to=$(date -u -d "+13 days" +%F)
  local token; token=$(awk -F'"' '/^    "/ { print $2; exit }' "$DATA/config.lua")
  ROWS=()
  ROWS+=("$(measure "S1 plaintext" yes "$base/health/live")")
  ROWS+=("$(measure "S2 availability (anonymous, cached 2 s)" yes "$base/api/v1/sites/$NAT_SITE/availability?from=$from&to=$to")")
  ROWS+=("$(measure "S2 availability (signed in, cached 2 s)" yes -H "Authorization: Bearer $token" "$base/api/v1/sites/$NAT_SITE/availability?from=$from&to=$to")")
  ROWS+=("$(measure "S2 availability (new dates each time, computed)" yes -s bench/availability-uncached.lua "$base")")
  ROWS+=("$(measure "S3 booking, distinct slots over $(grep -o '^  pools = {[^}]*' "$DATA/config.lua" | tr ',' '\n' | grep -c '[0-9]') desk pools" no -s bench/book-national.lua "$base")")
  ROWS+=("$(measure "S3 booking, distinct slots of one desk pool" no -s bench/book.lua "$base")")
  ROWS+=("$(measure "S3 booking, one contended slot" no -s bench/contended.lua "$base")")
  ROWS+=("$(measure "S4 site page (HTML)" yes "$base/espaces/$NAT_SLUG")")
  ROWS+=("$(measure "S5 observatory, every site summed per month" yes "$base/api/v1/observatory/indicators?perSite=false")")
  ROWS+=("$(measure "S6 login" no -s bench/login.lua "$base")")
  local ceiling; ceiling=$(echo "${ROWS[0]}" | cut -d'|' -f2)
  local row name non2xx
  for row in "${ROWS[@]}"; do # only bookings may be refused (a full pool, the contended slot)
    IFS='|' read -r name _ _ _ non2xx <<<"$row"
    if [[ "$name" != S3* ]] && [ "${non2xx:-0}" != 0 ]; then bench_fail "$p round $round, $name: $non2xx requests failed"; fi
  done
  local alone=()
  settle # the timings alone start once the app has finished what the last scenario left running
  for _ in $(seq 1 10); do alone+=("$(curl -s -o /dev/null -w '%{time_total}' "$base/api/v1/observatory/indicators?perSite=false")"); done
  local median; median=$(printf '%s\n' "${alone[@]}" | sort -n | sed -n 5p)
  local worst; worst=$(printf '%s\n' "${alone[@]}" | sort -n | tail -n 1)
  local one=()
  for _ in $(seq 1 10); do one+=("$(curl -s -o /dev/null -w '%{time_total}' "$base/api/v1/observatory/indicators?siteId=$NAT_SITE")"); done
  local one_median; one_median=$(printf '%s\n' "${one[@]}" | sort -n | sed -n 5p)
  local size; size=$(curl -s "$base/api/v1/observatory/indicators?perSite=false" | wc -c)
  local detail; detail=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "$base/api/v1/observatory/indicators")
  local held; held=$(sql "$p" "SELECT COUNT(*) FROM \"Bookings\" WHERE \"ResourceId\" = $CONTENDED_RESOURCE AND \"Date\" = '$CONTENDED_DATE' AND \"Status\" = 0 AND \"Period\" IN (0, 2)")
  local counter; counter=$(sql "$p" "SELECT COALESCE(MAX(\"Morning\"), 0) FROM \"DeskDays\" WHERE \"ResourceId\" = $CONTENDED_RESOURCE AND \"Date\" = '$CONTENDED_DATE'")
  local rss; rss=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
  {
    echo "### $p, round $round"
    echo
    echo "| scenario | requests/s | p50 | p99 | non-2xx | ratio to S1 |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    for row in "${ROWS[@]}"; do
      IFS='|' read -r name rps p50 p99 non2xx <<<"$row"
      echo "| $name | $rps | $p50 | $p99 | ${non2xx:-0} | $(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.1f %%", 100 * a / b }') |"
    done
    echo
    echo "- S5 alone (10 sequential requests, no other load from the script): every site summed per month (perSite=false), 12 months: median $(awk -v s="$median" 'BEGIN{printf "%.0f", s*1000}') ms, slowest $(awk -v s="$worst" 'BEGIN{printf "%.0f", s*1000}') ms (answer of $((size / 1024)) KiB); one site: median $(awk -v s="$one_median" 'BEGIN{printf "%.0f", s*1000}') ms; every site in detail (one row per site and month), once: $(echo "$detail" | awk '{printf "%.0f ms, %d KiB", $1*1000, $2/1024}')."
    echo "- Contended slot (desk pool of $CONTENDED_CAPACITY, $CONTENDED_DATE morning): $held bookings held in the morning (morning or whole day), morning counter $counter — $([ "$held" -le "$CONTENDED_CAPACITY" ] && [ "$counter" = "$held" ] && echo "no overbooking" || echo "OVERBOOKED")."
    echo "- Resident memory (RSS) of the app after this round: $((rss / 1024)) MiB."
    echo
  } | tee -a "$REPORT"
}

run_provider() { # provider
  local p=$1
  use "$p"
  NAT_SITE=$(sql "$p" "SELECT \"Id\" FROM \"Sites\" WHERE \"Slug\" = 'tl-1'")
  NAT_SLUG=tl-1
  BENCH_SITE=$(sql "$p" "SELECT \"Id\" FROM \"Sites\" WHERE \"Slug\" = 'banc-d-essai'")
  POOL=$(sql "$p" "SELECT \"Id\" FROM \"Resources\" WHERE \"SiteId\" = $BENCH_SITE AND \"Kind\" = 0")
  CONTENDED_RESOURCE=$(sql "$p" "SELECT \"Id\" FROM \"Resources\" WHERE \"SiteId\" = $NAT_SITE AND \"Kind\" = 0")
  CONTENDED_CAPACITY=$(sql "$p" "SELECT \"Capacity\" FROM \"Resources\" WHERE \"Id\" = $CONTENDED_RESOURCE")
  CONTENDED_DATE=$(for d in $(seq "${CONTENDED_FROM:-3}" 30); do x=$(date -u -d "+$d days" +%F); [ "$(date -u -d "$x" +%u)" -le 5 ] && { echo "$x"; break; }; done)
  [ -n "$NAT_SITE" ] && [ -n "$POOL" ] && [ -n "$CONTENDED_RESOURCE" ] || bench_fail "$p: no national data (run bench/national.sh generate first)"
  taskset -c 0 dotnet "$APP" --urls "http://127.0.0.1:$PORT" >"$DATA/app-$p.log" 2>&1 &
  APP_PID=$!
  bench_wait "http://127.0.0.1:$PORT/health" "$APP_PID" "$DATA/app-$p.log"
  {
    echo "return {"
    echo "  resource = $POOL, contended_resource = $CONTENDED_RESOURCE, contended_date = \"$CONTENDED_DATE\", password = \"$PASSWORD\","
    echo -n "  dates = {"; for d in $(seq 2 300); do echo -n "\"$(date -u -d "+$d days" +%F)\","; done; echo "},"
    # national sites: open Monday to Friday at least, bookable 30 days ahead
    echo -n "  weekdays = {"; for d in $(seq 3 25); do x=$(date -u -d "+$d days" +%F); if [ "$(date -u -d "$x" +%u)" -le 5 ]; then echo -n "\"$x\","; fi; done; echo "},"
    echo "  pools = {$(sql "$p" "SELECT r.\"Id\" FROM \"Resources\" r JOIN \"Sites\" s ON s.\"Id\" = r.\"SiteId\" WHERE r.\"Kind\" = 0 AND s.\"Slug\" LIKE 'tl-%' ORDER BY r.\"Id\" LIMIT 2000" | paste -sd,)},"
    echo "  tokens = {"
    bench_token_lines "http://127.0.0.1:$PORT" "$PASSWORD" "$USERS"
    echo "  },"
    echo "}"
  } >"$DATA/config.lua"
  export BENCH_CONFIG="$DATA/config.lua"
  bench_warm_booking "http://127.0.0.1:$PORT" "$(awk -F'"' '/^    "/ { print $2; exit }' "$DATA/config.lua")" "$POOL"
  echo "## $p — $(sql "$p" 'SELECT COUNT(*) FROM "Visits"') visits, $(sql "$p" 'SELECT COUNT(*) FROM "Bookings"') bookings, $(sql "$p" 'SELECT COUNT(*) FROM "Sites"') sites, $(sql "$p" 'SELECT COUNT(*) FROM "AspNetUsers"') accounts, $(sql "$p" 'SELECT COUNT(*) FROM "Events"') events" | tee -a "$REPORT"
  echo | tee -a "$REPORT"
  for round in $(seq 1 "$ROUNDS"); do scenarios "$p" "$round"; done
  bench_stop "$APP_PID"; APP_PID=""
}

if [ "$PHASE" = all ] || [ "$PHASE" = generate ]; then
  for p in $PROVIDERS; do generate "$p"; done
fi
if [ "$PHASE" = all ] || [ "$PHASE" = measure ]; then
  mkdir -p "$RESULTS"
  REPORT=$RESULTS/national-$(date -u +%Y%m%dT%H%MZ).md
  {
    echo "# National benchmark, $(date -u +%FT%TZ)"
    echo
    echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Scale asked: $SCALE. wrk -t1 -c$CONNECTIONS -d${DURATION}s on core 1, the app on core 0, loopback, Release, Production."
    if [ -n "${SHARED_MB:-}" ]; then echo "PostgreSQL: the script's own cluster on this machine, shared_buffers ${SHARED_MB} MB."; fi
    echo
  } | tee "$REPORT"
  for p in $PROVIDERS; do run_provider "$p"; done
  echo "Written to $REPORT"
  if grep -q OVERBOOKED "$REPORT"; then bench_fail "a contended slot was overbooked (see $REPORT)"; fi
fi
