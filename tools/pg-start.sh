#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and benchmarks on 127.0.0.1 (default port 5433), owned by a
# non-root user, in a temp folder; installs Debian's postgresql first when root and missing. Idempotent.
# Prints the connection string to use (MODULAR_TEST_POSTGRES / Modular:ConnectionString) on its last line.
set -euo pipefail
port=${PGPORT_MODULAR:-5433}
data=${PGDATA_MODULAR:-/tmp/modular-pg/data}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z $bin ]]; then
  if [[ $(id -u) == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  else
    echo "PostgreSQL is not installed: sudo apt-get install -y postgresql" >&2; exit 1
  fi
fi
# PostgreSQL refuses to run as root: use the postgres account when we are root.
as() { if [[ $(id -u) == 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  mkdir -p "$(dirname "$data")"
  [[ $(id -u) == 0 ]] && chown postgres "$(dirname "$data")"
  if [[ ! -f $data/PG_VERSION ]]; then
    as "$bin/initdb -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
  fi
  # A test cluster: durability off for speed; nothing here outlives the run.
  as "$bin/pg_ctl -D '$data' -l '$data/server.log' -w start -o \"-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\"" >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres"
