#!/usr/bin/env bash
# Backup of Cotravail's PostgreSQL database, taken while the application runs (pg_dump reads one consistent snapshot).
#
#   ops/backup-postgres.sh FILE [DATABASE]
#
# FILE      the dump to write, in pg_dump's custom format (compressed; restore it with ops/restore-postgres.sh)
# DATABASE  a URL postgresql://user[:password]@host[:port]/name or a conninfo "host=… port=… dbname=… user=…";
#           without it, the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass), PGDATABASE.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/pg-tools.sh"

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
file=$1
db_args=()
if [ $# -eq 2 ]; then db_args=(--dbname "$2"); fi

pg_dump=$(pg_tool pg_dump)
partial="$file.partial"
"$pg_dump" "${db_args[@]}" --format=custom --compress=6 --no-owner --no-privileges --file "$partial"
mv -f "$partial" "$file"
echo "Backup written to $file ($(du -h "$file" | cut -f1))."
