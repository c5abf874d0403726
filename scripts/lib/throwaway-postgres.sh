# Sourced by scripts/test.sh. start_throwaway_postgres starts a PostgreSQL server in a
# temporary directory on a free loopback port, sets SLIPWAY_TEST_PG_URL, and stops and
# removes it when the calling shell exits.

start_throwaway_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/slipway-pg.XXXXXX")
  PG_PORT=$(free_port)
  # PostgreSQL refuses to run as root; use the postgres account Debian's package creates.
  local run=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # Durability off: this database lives for one test run.
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop)
  export SLIPWAY_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
  log "throwaway PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

stop_throwaway_postgres() {
  if [[ -n ${PG_DIR:-} ]]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=
  fi
}
