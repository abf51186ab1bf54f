#!/usr/bin/env bash
# Cotravail's one test command: installs what the tests need (as root), starts a throwaway PostgreSQL,
# builds once, runs the test projects side by side and ends with one line "N passed, N failed".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Each test host watches its settings files; many hosts at once would exhaust inotify instances (128 by default).
export DOTNET_USE_POLLING_FILE_WATCHER=1
CONFIGURATION=Release
TEST_PROJECTS=(tests/Cotravail.Tests tests/Cotravail.BrowserTests)

is_root() { [ "$(id -u)" -eq 0 ]; }

pg_bin_dir() {
    if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
        echo /usr/lib/postgresql/15/bin
        return
    fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; fi
}

# --- 1. Debian packages (only as root, only when missing) ---------------------------------------------
install_packages() {
    local missing=()
    [ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
    [ -n "$(pg_bin_dir)" ] || missing+=(postgresql)
    # The Wi-Fi tests start FreeRADIUS with ops/freeradius and send packets with radclient.
    [ -x /usr/sbin/freeradius ] || missing+=(freeradius)
    [ -f /usr/lib/freeradius/rlm_rest.so ] || missing+=(freeradius-rest)
    command -v radclient >/dev/null || missing+=(freeradius-utils)
    # bench/smoke.sh's tools
    command -v wrk >/dev/null || missing+=(wrk)
    command -v sqlite3 >/dev/null || missing+=(sqlite3)
    command -v curl >/dev/null || missing+=(curl)
    if [ ${#missing[@]} -eq 0 ]; then return; fi
    if ! is_root; then
        echo "warning: missing ${missing[*]}; run as root to install them" >&2
        return
    fi
    echo "Installing ${missing[*]}..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# --- 2. A throwaway PostgreSQL cluster on a free loopback port ------------------------------------------
PG_DIR=""
PG_BIN=""
as_pg() {
    if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
    if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
    fi
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
    PG_BIN=$(pg_bin_dir)
    if [ -z "$PG_BIN" ]; then
        echo "warning: PostgreSQL not found; tests run on SQLite only" >&2
        return
    fi
    PG_DIR=$(mktemp -d /tmp/cotravail-pg.XXXXXX)
    if is_root; then chown postgres: "$PG_DIR"; fi
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust --username=postgres --encoding=UTF8 --no-sync >/dev/null
    local port
    for port in $(seq 55432 55531); do
        if port_in_use "$port"; then continue; fi
        if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 start -o \
            "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300" \
            >/dev/null; then
            until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port"; do sleep 0.2; done
            export COTRAVAIL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
            echo "PostgreSQL ($("$PG_BIN/postgres" --version)) listening on 127.0.0.1:$port"
            return
        fi
    done
    cat "$PG_DIR/server.log" >&2 || true
    echo "error: could not start PostgreSQL" >&2
    exit 1
}

# --- 3. Build once, run every test project, sum the results ------------------------------------------
install_packages
start_postgres

if ! dotnet build Cotravail.slnx -c "$CONFIGURATION"; then
    echo "0 passed, 1 failed"
    exit 1
fi

# Test databases, mail folders and dumps go to memory when the machine has a tmpfs (/dev/shm): no disk write, no fsync.
TEST_TMP=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    TEST_TMP=$(mktemp -d /dev/shm/cotravail-tests.XXXXXX)
fi
cleanup() {
    stop_postgres
    if [ -n "$TEST_TMP" ]; then rm -rf "$TEST_TMP"; fi
}
trap cleanup EXIT

# Test hosts live a few seconds each: the JIT's profile-guided tier and its promotion of hot methods to a second
# compilation cost more there than they save (measured: a third less CPU for the same tests without them).
export DOTNET_TieredPGO=0 DOTNET_TC_CallCounting=0

# The test projects run side by side (each runs its own classes in parallel too): the run lasts as long as the longer one.
logs=()
pids=()
for project in "${TEST_PROJECTS[@]}"; do
    log=$(mktemp)
    logs+=("$log")
    (
        if [ -n "$TEST_TMP" ]; then export TMPDIR="$TEST_TMP"; fi
        dotnet test "$project" -c "$CONFIGURATION" --no-build >"$log" 2>&1
    ) &
    pids+=($!)
done

passed=0
failed=0
status=0
for i in "${!TEST_PROJECTS[@]}"; do
    project=${TEST_PROJECTS[$i]}
    log=${logs[$i]}
    wait "${pids[$i]}" || status=1
    cat "$log"
    summary=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^(Passed|Failed)!' | tail -n 1 || true)
    rm -f "$log"
    p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$summary")
    f=$(sed -nE 's/.*Failed: *([0-9]+).*/\1/p' <<<"$summary")
    if [ -z "$p" ] || [ -z "$f" ]; then
        echo "error: $project printed no test summary" >&2
        failed=$((failed + 1))
        status=1
        continue
    fi
    passed=$((passed + p))
    failed=$((failed + f))
done

# Every script of bench/ at a tiny scale on the Release build above, so that none rots (PostgreSQL: the server above).
# It counts as one test.
if BENCH_NO_BUILD=1 bench/smoke.sh; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
    status=1
fi

if [ "$failed" -gt 0 ]; then status=1; fi
echo "$passed passed, $failed failed"
exit "$status"
