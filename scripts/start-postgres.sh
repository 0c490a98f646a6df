#!/usr/bin/env bash
# Starts (idempotently) a throwaway PostgreSQL cluster for the server test suite and prints its
# URL on stdout, e.g.:
#   export KOBAN_TEST_POSTGRES_URL="$(scripts/start-postgres.sh)"
# Listens on 127.0.0.1 only, trust auth, data under $KOBAN_PG_DIR (default /tmp/koban-pg),
# port $KOBAN_PG_PORT (default 55432). Installs the Debian package if it is missing.
# Stop it with: scripts/start-postgres.sh stop
set -euo pipefail

PORT="${KOBAN_PG_PORT:-55432}"
DIR="${KOBAN_PG_DIR:-${TMPDIR:-/tmp}/koban-pg}"
URL="postgres://postgres@127.0.0.1:${PORT}/postgres"

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [[ -z "$(bindir)" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    (apt-get install -y postgresql >&2 || { apt-get update >&2 && apt-get install -y postgresql >&2; })
  else
    echo "start-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
  fi
fi
BIN="$(bindir)"

# initdb and postgres refuse to run as root: use the package's `postgres` user then.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

if [[ "${1:-}" == "stop" ]]; then
  as_pg "$BIN/pg_ctl" -D "$DIR" -m fast stop >&2 || true
  exit 0
fi

mkdir -p "$DIR"
if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$DIR"; fi
if [[ ! -f "$DIR/PG_VERSION" ]]; then
  as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust --encoding=UTF8 --no-locale >&2
fi
if ! as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=300" >&2
fi
for _ in $(seq 1 50); do
  if "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then
    # Each server test creates a database of its own (about 7.5 MB) and leaves it for a failed
    # test to be looked at. Drop the previous runs' ones here, so that runs do not fill the disk.
    for db in $("$BIN/psql" "$URL" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'koban\_test\_%'"); do
      "$BIN/psql" "$URL" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true
    done
    echo "$URL"
    exit 0
  fi
  sleep 0.2
done
echo "start-postgres: server did not become ready, see $DIR/server.log" >&2
exit 1
