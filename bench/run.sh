#!/usr/bin/env bash
# Measures Cotravail on SQLite with wrk on loopback, in one run:
#   1. GET /health/live          plaintext through the whole middleware pipeline: the ceiling on this machine
#   2. GET availability          a week of one site (public; anonymous answers are cached 2 s, ADR 0006)
#      and the same signed in, which always reads the database
#   3. POST /api/v1/bookings     desk bookings by 200 members, each request a new (member, day, half-day)
# Prints a Markdown table (requests/s, p50, p99, ratio to the ceiling) and writes it to bench/results/latest.md.
# Needs: the .NET SDK, curl and wrk (apt-get install wrk). Usage: bench/run.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CONNECTIONS=${1:-32}
DURATION=${2:-10}
PORT=${BENCH_PORT:-5199}
USERS=200
PASSWORD="banc-d-essai-mot-de-passe"
WORK=$(mktemp -d /tmp/cotravail-bench.XXXXXX)
APP_PID=""
cleanup() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release src/Cotravail.Web -v quiet -nologo >/dev/null
DLL=src/Cotravail.Web/bin/Release/net10.0/Cotravail.Web.dll

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Sqlite="Data Source=$WORK/bench.db"
export Mail__PickupDirectory="$WORK/mail"
export Demo__Password="$PASSWORD"
export Identity__PasswordIterations=1000   # logins of the set-up only; the measured requests use bearer tokens
export Logging__LogLevel__Default=Warning

SEED=$(dotnet "$DLL" bench-data --users "$USERS" --password "$PASSWORD" | tail -n 1)
SITE=$(echo "$SEED" | sed -E 's/bench site ([0-9]+).*/\1/')
POOL=$(echo "$SEED" | sed -E 's/.*desk pool ([0-9]+).*/\1/')

dotnet "$DLL" --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done

{
  echo "return {"
  echo "  resource = $POOL,"
  echo -n "  dates = {"
  for d in $(seq 2 89); do echo -n "\"$(date -u -d "+$d days" +%F)\","; done
  echo "},"
  echo "  tokens = {"
  for i in $(seq 0 $((USERS - 1))); do
    token=$(curl -fs -H 'Content-Type: application/json' \
      -d "{\"email\":\"bench-$i@cotravail.test\",\"password\":\"$PASSWORD\"}" \
      "http://127.0.0.1:$PORT/api/v1/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
    echo "    \"$token\","
  done
  echo "  },"
  echo "}"
} >"$WORK/config.lua"
export BENCH_CONFIG="$WORK/config.lua"

FROM=$(date -u -d "+7 days" +%F); TO=$(date -u -d "+13 days" +%F)
measure() { # name, warm-up (yes/no), wrk arguments...
  local name=$1 warm=$2; shift 2
  if [ "$warm" = yes ]; then wrk -t2 -c"$CONNECTIONS" -d3s "$@" >/dev/null 2>&1 || true; fi
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")
  echo "$out" >"$WORK/$name.txt"
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "$name|$rps|$p50|$p99|${non2xx:-0}"
}

ROWS=()
ROWS+=("$(measure plaintext yes "http://127.0.0.1:$PORT/health/live")")
ROWS+=("$(measure availability yes "http://127.0.0.1:$PORT/api/v1/sites/$SITE/availability?from=$FROM&to=$TO")")
# Every request a different (from, to): never served from the output cache, the database is read every time.
export AVAILABILITY_SITE=$SITE
ROWS+=("$(measure availability-uncached yes -s bench/availability-uncached.lua "http://127.0.0.1:$PORT")")
# No warm-up run for bookings: it would take the (member, day, half-day) pairs the measured run then asks for.
ROWS+=("$(measure booking no -s bench/book.lua "http://127.0.0.1:$PORT")")
BOOKED=$(sqlite3 "$WORK/bench.db" 'select count(*) from Bookings' 2>/dev/null || echo "?")

CEILING=$(echo "${ROWS[0]}" | cut -d'|' -f2)
mkdir -p bench/results
{
  echo "Run $(date -u +%FT%TZ) on $(nproc) cores, SQLite, wrk -t2 -c$CONNECTIONS -d${DURATION}s, loopback."
  echo
  echo "| endpoint | requests/s | p50 | p99 | non-2xx | ratio to ceiling |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name rps p50 p99 non2xx <<<"$row"
    ratio=$(awk -v a="$rps" -v b="$CEILING" 'BEGIN { printf "%.0f %%", 100 * a / b }')
    echo "| $name | $rps | $p50 | $p99 | $non2xx | $ratio |"
  done
  echo
  echo "Bookings stored after the run: $BOOKED."
} | tee bench/results/latest.md
