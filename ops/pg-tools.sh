# Sourced by the ops scripts: finds PostgreSQL's client programs.
# PG_BIN, when set, names their folder; otherwise the PATH, then the newest /usr/lib/postgresql/N/bin (Debian).
pg_tool() {
    local name=$1
    if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/$name" ]; then echo "$PG_BIN/$name"; return; fi
    if command -v "$name" >/dev/null 2>&1 && [ "$(readlink -f "$(command -v "$name")")" != /usr/share/postgresql-common/pg_wrapper ]; then
        command -v "$name"; return
    fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/$name" ]; then echo "$dir/$name"; return; fi
    echo "error: $name not found (install postgresql-client, or set PG_BIN)" >&2
    exit 2
}
