# Sourced by the scripts of bench/: building, starting the app and waiting for it, with a loud failure when it does
# not come up. Settings every script honours:
#   BENCH_NO_BUILD=1   use the Release build already there (bench/smoke.sh builds once for all the scripts)
#   BENCH_RESULTS=DIR  where reports are written (default bench/results)
# Production needs PublicUrl (links in e-mails) and, on plain http, Security:Https=false (no Secure-only cookies, no
# HTTPS redirection); bench_production sets both for the app on $1's port.

APP_DLL=src/Cotravail.Web/bin/Release/net10.0/Cotravail.Web.dll
GEN_DLL=bench/Cotravail.Bench/bin/Release/net10.0/Cotravail.Bench.dll
RESULTS=${BENCH_RESULTS:-bench/results}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bench_fail() { echo "bench: $*" >&2; exit 1; }
# A command that fails stops a script (set -e): say which, rather than stop without a word.
trap 'echo "bench: $(basename "$0"), line $LINENO: « $BASH_COMMAND » failed" >&2' ERR
bench_log() { if [ "${BENCH_VERBOSE:-0}" = 1 ]; then echo "[$(date +%T.%N | cut -c1-12)] $*" >&2; fi; }

bench_build() { # projects (default: the app)
  local project
  if [ "${BENCH_NO_BUILD:-0}" = 1 ]; then
    for project in "${@:-src/Cotravail.Web}"; do
      [ -f "$project/bin/Release/net10.0/$(basename "$project").dll" ] || bench_fail "BENCH_NO_BUILD=1 but $project has no Release build"
    done
    return
  fi
  for project in "${@:-src/Cotravail.Web}"; do
    dotnet build -c Release "$project" -v quiet -nologo >/dev/null || bench_fail "the Release build of $project failed"
  done
}

bench_production() { # port: the settings Production requires on plain http, on loopback
  export ASPNETCORE_ENVIRONMENT=Production PublicUrl="http://127.0.0.1:$1" Security__Https=false
}

bench_wait() { # url, pid, log: waits until GET url answers 2xx; fails loudly when the app stops or never answers
  local url=$1 pid=$2 log=$3 tries=${BENCH_START_TRIES:-300}
  for _ in $(seq 1 "$tries"); do
    curl -fs -o /dev/null "$url" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log" >&2 || true
      bench_fail "the app stopped before answering $url (log above: $log)"
    fi
    sleep 0.2
  done
  tail -n 30 "$log" >&2 || true
  bench_fail "the app did not answer $url within $((tries / 5)) s (log: $log)"
}

bench_stop() { # pid
  if [ -n "${1:-}" ]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi
}

bench_token() { # base url, e-mail, password: a bearer token, or a loud failure
  local answer
  answer=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" "$1/api/v1/auth/login") || bench_fail "signing $2 in: no answer"
  if [ "$(echo "$answer" | tail -n 1)" != 200 ]; then
    bench_fail "signing $2 in: HTTP $(echo "$answer" | tail -n 1): $(echo "$answer" | head -n 1 | cut -c1-300)"
  fi
  echo "$answer" | head -n 1 | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

bench_wrk_check() { # name, wrk output: fails when wrk made no request or could not connect
  local requests
  requests=$(echo "$2" | awk '/requests in/ {print $1}')
  if [ -z "$requests" ] || [ "$requests" = 0 ]; then echo "$2" >&2; bench_fail "$1: wrk completed no request"; fi
  if echo "$2" | grep -q 'Socket errors: connect [1-9]'; then echo "$2" >&2; bench_fail "$1: wrk could not connect"; fi
}

bench_pg_url() { # an Npgsql connection string → a postgresql:// URL for psql
  echo "$1" | awk -F';' '{for(i=1;i<=NF;i++){split($i,kv,"=");k=tolower(kv[1]);v[k]=kv[2]}} END{printf "postgresql://%s@%s:%s/%s", v["username"], v["host"], v["port"], v["database"]}'
}

bench_token_lines() { # base url, password, count: the Lua lines '    "TOKEN",' of bench-0 … bench-(count-1)
  local i token
  for i in $(seq 0 $(($3 - 1))); do
    token=$(bench_token "$1" "bench-$i@cotravail.test" "$2") || exit 1
    echo "    \"$token\","
  done
}

bench_warm_booking() { # base url, token, desk pool: one booking 300 days ahead, a day no scenario asks for, so that the
  # booking path is compiled before it is timed
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "Authorization: Bearer $2" \
    -d "{\"resourceId\":$3,\"date\":\"$(date -u -d '+300 days' +%F)\",\"period\":\"morning\"}" "$1/api/v1/bookings")
  # 409: booked by an earlier run of the same data
  [ "$code" = 201 ] || [ "$code" = 409 ] || bench_fail "the warm-up booking answered HTTP $code"
}
