#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the benchmarks (docs/benchmarks.md).
#   bench/start-postgres.sh          start it (creates it on first use), print the JDBC URL
#   bench/start-postgres.sh stop     stop it
#   bench/start-postgres.sh destroy  stop it and delete its files
# Settings: PGBIN (default: the newest /usr/lib/postgresql/*/bin), BENCH_PG_DIR (/tmp/bench-pg),
# BENCH_PG_PORT (55433). Runs the server as the user "postgres" when started as root (initdb refuses root).
# Debian: apt-get install postgresql  (only the binaries are used; no system service is needed).
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
DIR=${BENCH_PG_DIR:-/tmp/bench-pg}
PORT=${BENCH_PG_PORT:-55433}
[ -x "$PGBIN/pg_ctl" ] || { echo "no PostgreSQL binaries (set PGBIN or apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  stop) as_pg "$PGBIN/pg_ctl" -D "$DIR" -m fast stop; exit ;;
  destroy) as_pg "$PGBIN/pg_ctl" -D "$DIR" -m fast stop || true; rm -rf "$DIR"; exit ;;
esac
if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  as_pg "$PGBIN/initdb" -D "$DIR" -A trust -U postgres >/dev/null
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  # A benchmark cluster: durability off is fine for throw-away data, but keep fsync on so that
  # write figures stay comparable with a real server; shared_buffers sized for 100k rows.
  as_pg "$PGBIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" -w start >/dev/null
fi
as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_database where datname='bench'" \
  | grep -q 1 || as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres bench
echo "jdbc:postgresql://127.0.0.1:$PORT/bench"
