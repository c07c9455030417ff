#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb into a new temporary folder, owned by the
# `postgres` user when run as root, listening only on a Unix socket in that folder (no TCP port).
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # prints the KERNTEAM_PG_* variables the tests read
#   scripts/pg-test-cluster.sh stop "$KERNTEAM_PG_DIR"
set -euo pipefail

bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# From / : the postgres user may not be allowed into the folder this runs in (a clone under /root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(bindir)
    [ -x "$bin/initdb" ] || { echo "pg-test-cluster: initdb not found (apt-get install postgresql)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/kernteam-pg.XXXXXX)
    # A start that fails halfway leaves no server and no folder behind.
    give_up() { cat "$1" >&2; as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"; exit 1; }
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || give_up "$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses= -c max_connections=60 -c fsync=on" start >/dev/null \
      || give_up "$dir/server.log"
    echo "export KERNTEAM_PG_DIR='$dir'"
    echo "export KERNTEAM_PG_BIN='$bin'"
    echo "export KERNTEAM_PG_URI='postgresql:///postgres?host=$dir&user=postgres'"
    ;;
  stop)
    dir="${2:?usage: pg-test-cluster.sh stop DIR}"
    bin=$(bindir)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-test-cluster.sh start | stop DIR" >&2; exit 64 ;;
esac
