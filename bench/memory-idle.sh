#!/usr/bin/env bash
# What the app holds in memory when nobody uses it, on the demo data (SQLite, Release, Production on plain http):
#   seeding      the first start on an empty database, which writes the demo network and its year of activity:
#                the peak (VmHWM) during it, and the RSS once the app answers and has been idle IDLE s;
#   idle         a second start on the data the first wrote (the usual start): RSS after IDLE s;
#   pages        then the first request of each main page, signed in where it needs it (home, a site's page, the agenda,
#                the directory, the observatory, a member's bookings, a host's desk, a manager's observatory), and the
#                RSS after IDLE s more; the peak of the whole second run.
# Prints a Markdown table and writes it to bench/results/memory-idle.md. Runtime settings to compare are passed in the
# environment as usual (for example DOTNET_gcServer=1 bench/memory-idle.sh): the table's title lists the DOTNET_ ones.
# The manager signs in without two-factor authentication (Security:RequireTwoFactorForManagers=false, for this
# measurement only) so that the manager's page shows what a manager sees.
# Usage: bench/memory-idle.sh   Environment: IDLE=5 (seconds) BENCH_PORT=5196 BENCH_NO_BUILD=1 BENCH_RESULTS=…
# Needs: the .NET SDK, curl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/common.sh
IDLE=${IDLE:-5}
PORT=${BENCH_PORT:-5196}
BASE="http://127.0.0.1:$PORT"
PASSWORD="banc-d-essai-mot-de-passe"
WORK=$(mktemp -d /tmp/cotravail-memory.XXXXXX)
APP_PID=""
cleanup() { bench_stop "$APP_PID"; rm -rf "$WORK"; }
trap cleanup EXIT
bench_build

bench_production "$PORT"
export ConnectionStrings__Sqlite="Data Source=$WORK/demo.db" Mail__PickupDirectory="$WORK/mail" Demo__Password="$PASSWORD" \
  Logging__LogLevel__Default=Warning Security__RequireTwoFactorForManagers=false

status() { awk -v k="$2:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$1/status"; } # pid, VmRSS|VmHWM → MiB

start() { # log name
  (cd src/Cotravail.Web && exec dotnet "bin/Release/net10.0/Cotravail.Web.dll" --urls "$BASE") >"$WORK/$1.log" 2>&1 &
  APP_PID=$!
  BENCH_START_TRIES=600 bench_wait "$BASE/health" "$APP_PID" "$WORK/$1.log"
}

sign_in() { # e-mail, cookie jar
  local token code
  token=$(curl -fs -c "$2" -b "$2" "$BASE/compte/connexion" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/')
  [ -n "$token" ] || bench_fail "no antiforgery token on /compte/connexion"
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$2" -b "$2" --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/compte/connexion")
  [ "$code" = 302 ] || bench_fail "signing $1 in on the page answered HTTP $code instead of a redirection"
}

page() { # path [cookie jar]: the page must answer 200
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' ${2:+-b "$2"} "$BASE$1")
  [ "$code" = 200 ] || bench_fail "GET $1 answered HTTP $code (log: $WORK/app.log)"
}

ROWS=()
start seeding
sleep "$IDLE"
ROWS+=("first start, seeding the demo data: peak during the seeding|$(status "$APP_PID" VmHWM)")
ROWS+=("first start: idle ${IDLE} s after the seeding|$(status "$APP_PID" VmRSS)")
bench_stop "$APP_PID"; APP_PID=""

start app
sleep "$IDLE"
ROWS+=("second start on the seeded data: idle ${IDLE} s after start|$(status "$APP_PID" VmRSS)")
for path in / /espaces/luzech /agenda /annuaire /observatoire; do page "$path"; done
sign_in membre@cotravail.test "$WORK/member.jar"
page /mes-reservations "$WORK/member.jar"
sign_in accueil@cotravail.test "$WORK/host.jar"
page /accueil/luzech "$WORK/host.jar"
sign_in gestion@cotravail.test "$WORK/manager.jar"
page /gestion/observatoire "$WORK/manager.jar"
ROWS+=("right after the first request of each main page|$(status "$APP_PID" VmRSS)")
sleep "$IDLE"
ROWS+=("idle ${IDLE} s after those pages|$(status "$APP_PID" VmRSS)")
ROWS+=("peak of the second start|$(status "$APP_PID" VmHWM)")

SETTINGS=$(env | grep -E '^DOTNET_(gc|GC|Tiered|TC_|ReadyToRun|TieredPGO)' | sort | paste -sd' ' || true)
mkdir -p "$RESULTS"
{
  echo "Memory on the demo data, $(date -u +%FT%TZ), $(nproc) cores, SQLite, Release, Production; settings: ${SETTINGS:-as built}."
  echo
  echo "| moment | RSS (MiB) |"
  echo "| --- | ---: |"
  for row in "${ROWS[@]}"; do IFS='|' read -r what mib <<<"$row"; echo "| $what | $mib |"; done
} | tee "$RESULTS/memory-idle.md"
