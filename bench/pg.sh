#!/usr/bin/env bash
# Lifecycle of bench/run's throwaway PostgreSQL 15 cluster: init | start | restart | stop | destroy.
# Environment: BENCH_PGDATA (cluster folder), BENCH_PGPORT (port on 127.0.0.1), BENCH_PGUSER (OS user
# that owns the cluster: postgres refuses to run as root, so when we are root it runs as this user).
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
data="${BENCH_PGDATA:?BENCH_PGDATA not set}"
port="${BENCH_PGPORT:-55432}"
osuser="${BENCH_PGUSER:-postgres}"

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$osuser" -- "$@"; else "$@"; fi
}

case "${1:-}" in
  init)
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown "$osuser" "$data" "$(dirname "$data")"
    # C.UTF-8: the text-search parser needs a UTF-8 LC_CTYPE to see Cyrillic letters as letters
    as_owner "$bin/initdb" -D "$data" -U bench --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # A tuned cluster, as an analyst who cares about speed would set it up (docs/benchmarks.md):
    # wal_level=minimal lets COPY into a table created in the same transaction skip the WAL.
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
shared_buffers = 1GB
maintenance_work_mem = 1GB
work_mem = 64MB
max_parallel_maintenance_workers = 2
max_parallel_workers_per_gather = 2
wal_level = minimal
max_wal_senders = 0
max_wal_size = 4GB
checkpoint_timeout = 30min
jit = off
CONF
    ;;
  # port and socket folder given on each start: a kept cluster (bench/run --keep/--reuse) follows BENCH_PGPORT
  start)   as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port -k $data" -w -t 120 start >/dev/null ;;
  restart) as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port -k $data" -w -t 120 -m fast restart >/dev/null ;;
  stop)    [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" -w -t 120 -m fast stop >/dev/null || true ;;
  destroy) "$0" stop; rm -rf "$data" ;;
  *) echo "usage: pg.sh init|start|restart|stop|destroy" >&2; exit 2 ;;
esac
