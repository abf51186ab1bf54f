#!/usr/bin/env bash
# What the app holds in memory when nobody uses it, on the demo data (SQLite, Release, Production on plain http):
#   seeding      the first start on an empty database, which writes the demo network and its year of activity:
#                the peak (VmHWM) during it, and the RSS once the app answers and has been idle IDLE s;
#   idle         a second start on the data the first wrote (the usual start): RSS after IDLE s;
#   pages        then the first request of each main page, signed in where it needs it (home, a site's page, the agenda,
#                the directory, the observatory, a member's bookings, a host's reception, a manager's observatory), and
#                the RSS after IDLE s more; the peak of the whole second run.
# Each RSS is split by what /proc/PID/smaps says holds it: files mapped (the runtime's and the app's assemblies and
# native libraries, shared with the page cache), code compiled at run time and the runtime's stubs and type data
# (the executable memory the runtime maps from /memfd:doublemapper), and the rest of the anonymous memory (the GC
# heap and native allocations). The CPU time the process has used so far is given too.
# Prints a Markdown table and writes it to bench/results/memory-idle.md. Runtime settings to compare are passed in the
# environment as usual (for example DOTNET_gcServer=0 bench/memory-idle.sh): the table's title lists the DOTNET_ ones.
# The manager signs in without two-factor authentication (Security:RequireTwoFactorForManagers=false, for this
# measurement only) so that the manager's page shows what a manager sees.
# Usage: bench/memory-idle.sh   Environment: IDLE=5 (seconds) BENCH_PORT=5196 BENCH_NO_BUILD=1 BENCH_RESULTS=…
#        BENCH_APP_DIR=DIR (another build of the app, e.g. the output of dotnet publish; default the Release build)
#        MEMORY_DB=FILE (an SQLite database the first start already seeded: copied, and the seeding rows are skipped;
#        the first run keeps its database there when FILE does not exist yet)
# Needs: the .NET SDK, curl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/common.sh
IDLE=${IDLE:-5}
PORT=${BENCH_PORT:-5196}
BASE="http://127.0.0.1:$PORT"
PASSWORD="banc-d-essai-mot-de-passe"
APP_DIR=$(realpath "${BENCH_APP_DIR:-src/Cotravail.Web/bin/Release/net10.0}")
CONTENT_DIR=$(realpath "${BENCH_APP_DIR:-src/Cotravail.Web}") # where wwwroot is
[ -f "$APP_DIR/Cotravail.Web.dll" ] || bench_fail "no Cotravail.Web.dll in $APP_DIR"
WORK=$(mktemp -d /tmp/cotravail-memory.XXXXXX)
APP_PID=""
cleanup() { bench_stop "$APP_PID"; rm -rf "$WORK"; }
trap cleanup EXIT
if [ -z "${BENCH_APP_DIR:-}" ]; then bench_build; fi

bench_production "$PORT"
export ConnectionStrings__Sqlite="Data Source=$WORK/demo.db" Mail__PickupDirectory="$WORK/mail" Demo__Password="$PASSWORD" \
  Logging__LogLevel__Default=Warning Security__RequireTwoFactorForManagers=false

mib() { awk -v k="$2:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$1/status"; } # pid, VmRSS|VmHWM → MiB
reading() { # pid: "RSS|files|run-time code|other anonymous|CPU s" in MiB
  awk '
    /^[0-9a-f]+-[0-9a-f]+ / { kind = ($6 ~ /doublemapper/) ? "jit" : ($6 ~ /^\// ? "file" : "anon"); next }
    /^Rss:/ { rss[kind] += $2; total += $2 }
    END { printf "%d|%d|%d|%d", total / 1024, rss["file"] / 1024, rss["jit"] / 1024, rss["anon"] / 1024 }' "/proc/$1/smaps"
  awk -v hz="$(getconf CLK_TCK)" '{ printf "|%.1f", ($14 + $15) / hz }' "/proc/$1/stat"
}

start() { # log name
  (cd "$CONTENT_DIR" && exec dotnet "$APP_DIR/Cotravail.Web.dll" --urls "$BASE") >"$WORK/$1.log" 2>&1 &
  APP_PID=$!
  BENCH_START_TRIES=1500 bench_wait "$BASE/health" "$APP_PID" "$WORK/$1.log"
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
if [ -n "${MEMORY_DB:-}" ] && [ -f "$MEMORY_DB" ]; then
  cp "$MEMORY_DB" "$WORK/demo.db"
else
  start seeding
  sleep "$IDLE"
  ROWS+=("first start, seeding the demo data: peak during the seeding|$(mib "$APP_PID" VmHWM)||||")
  ROWS+=("first start: idle ${IDLE} s after the seeding|$(reading "$APP_PID")")
  bench_stop "$APP_PID"; APP_PID=""
  if [ -n "${MEMORY_DB:-}" ]; then sqlite3 "$WORK/demo.db" "VACUUM INTO '$MEMORY_DB'" 2>/dev/null || cp "$WORK/demo.db" "$MEMORY_DB"; fi
fi

start app
sleep "$IDLE"
ROWS+=("second start on the seeded data: idle ${IDLE} s after start|$(reading "$APP_PID")")
for path in / /espaces/luzech /agenda /annuaire /observatoire; do page "$path"; done
sign_in membre@cotravail.test "$WORK/member.jar"
page /mes-reservations "$WORK/member.jar"
sign_in accueil@cotravail.test "$WORK/host.jar"
page /accueil/luzech "$WORK/host.jar"
sign_in gestion@cotravail.test "$WORK/manager.jar"
page /gestion/observatoire "$WORK/manager.jar"
ROWS+=("right after the first request of each main page|$(reading "$APP_PID")")
sleep "$IDLE"
ROWS+=("idle ${IDLE} s after those pages|$(reading "$APP_PID")")
ROWS+=("peak of the second start|$(mib "$APP_PID" VmHWM)||||")

SETTINGS=$(env | grep -E '^DOTNET_(gc|GC|Tiered|TC_|ReadyToRun|EnableWriteXorExecute)' | sort | paste -sd' ' || true)
mkdir -p "$RESULTS"
{
  echo "Memory on the demo data, $(date -u +%FT%TZ), $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg)), SQLite, Production, $APP_DIR; settings: ${SETTINGS:-as built}."
  echo
  echo "| moment | RSS (MiB) | files mapped | run-time code | other anonymous | CPU (s) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  for row in "${ROWS[@]}"; do IFS='|' read -r what rss files jit anon cpu <<<"$row"; echo "| $what | $rss | $files | $jit | $anon | $cpu |"; done
} | tee "$RESULTS/memory-idle.md"
