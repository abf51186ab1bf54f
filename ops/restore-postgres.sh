#!/usr/bin/env bash
# Restores a dump of ops/backup-postgres.sh into a PostgreSQL database, in one transaction (all or nothing).
# Stop every instance of Cotravail first; start them again afterwards (they apply any newer migrations).
#
#   ops/restore-postgres.sh FILE [DATABASE] [--force]
#
# DATABASE  as for ops/backup-postgres.sh; the database must exist (createdb NAME) and be empty,
#           unless --force: then what it holds is dropped and replaced by the backup.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/pg-tools.sh"

force=false
positional=()
for a in "$@"; do
    case "$a" in
        --force) force=true ;;
        *) positional+=("$a") ;;
    esac
done
if [ ${#positional[@]} -lt 1 ] || [ ${#positional[@]} -gt 2 ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
file=${positional[0]}
if [ ${#positional[@]} -eq 2 ]; then
    db_args=(--dbname "${positional[1]}")
else
    db_args=(--dbname "${PGDATABASE:?give DATABASE or set PGDATABASE}")
fi
if [ ! -f "$file" ]; then
    echo "error: $file does not exist" >&2
    exit 2
fi

psql=$(pg_tool psql)
pg_restore=$(pg_tool pg_restore)
"$pg_restore" --list "$file" >/dev/null || { echo "error: $file is not a pg_dump custom-format backup" >&2; exit 2; }

tables=$("$psql" "${db_args[@]}" -X -A -t -v ON_ERROR_STOP=1 \
    -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
clean=()
if [ "$tables" -gt 0 ]; then
    if [ "$force" != true ]; then
        echo "error: the database already holds $tables tables; nothing was changed. Add --force to replace them (take a backup first)." >&2
        exit 3
    fi
    clean=(--clean --if-exists)
fi
"$pg_restore" "${db_args[@]}" "${clean[@]}" --no-owner --no-privileges --exit-on-error --single-transaction "$file"
echo "Restored $file."
