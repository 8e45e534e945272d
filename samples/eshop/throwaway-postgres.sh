#!/usr/bin/env bash
# A throwaway PostgreSQL 15 with pgvector, for the eShop services that own a database (Catalog.API,
# Ordering.API). In a cluster Postgres is a separate service, not a sidecar: SidecarGen writes nothing
# for it, the operator gives the app its connection string. Here it runs in the app's own network
# namespace (try-eshop.sh), on 127.0.0.1 and a socket in its own folder, and is deleted afterwards.
#
#   throwaway-postgres.sh install [pgvector-checkout]   apt packages, and pgvector built from the checkout
#                                                        unless the extension is installed already
#   throwaway-postgres.sh run <port> <password> -- <command...>
#                                                        initdb, start, run the command, stop, delete;
#                                                        the command gets STOP_DATABASE: a command that
#                                                        prints each database's applied migrations, then
#                                                        stops this Postgres (the outage to probe against)
#   throwaway-postgres.sh stop <data-folder>            that command
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
as_postgres() { runuser -u postgres -- "$@"; }

installed() { [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]; }
# apt-get install by name; pkg=version pins one. Updates the package lists once if that fails.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
}

install() {
  local pgvector=${1:-}
  installed postgresql-15 || apt_install postgresql-15
  local extensions=/usr/share/postgresql/15/extension
  if [[ -f $extensions/vector.control ]]; then
    echo "pgvector: installed ($(grep -o "default_version = '[^']*'" "$extensions/vector.control"))"
    return
  fi
  [[ -f ${pgvector}/vector.control ]] || {
    echo "pgvector is not installed and no checkout is given: Catalog.API's migration runs CREATE EXTENSION vector." >&2
    echo "  git clone --branch v0.8.6 https://github.com/pgvector/pgvector; PGVECTOR=\$PWD/pgvector try-eshop.sh ..." >&2
    exit 1
  }
  # The server's headers at the installed server's version (apt may have a newer one, which would
  # upgrade the server too), and a compiler.
  installed postgresql-server-dev-15 || apt_install make gcc "postgresql-server-dev-15=$(dpkg-query -W -f='${Version}' postgresql-15)"
  # Not a Debian package here: built as pgvector's README says (make; make install), portable (OPTFLAGS="").
  local build; build=$(mktemp -d /tmp/pgvector.XXXXXX)
  tar -C "$pgvector" --exclude=.git -cf - . | tar -C "$build" -xf -
  make -s -C "$build" PG_CONFIG="$bin/pg_config" OPTFLAGS="" >/dev/null
  make -s -C "$build" PG_CONFIG="$bin/pg_config" install >/dev/null
  rm -rf "$build"
  echo "pgvector: built from $pgvector and installed ($(grep -o "default_version = '[^']*'" "$extensions/vector.control"))"
}

run() {
  local port=$1 password=$2; shift 3   # <port> <password> --
  local data; data=$(mktemp -d /tmp/eshop-postgres.XXXXXX)
  chown postgres: "$data"
  trap 'stop "$data" quietly; rm -rf "$data"' EXIT
  printf '%s\n' "$password" >"$data/password" && chown postgres: "$data/password"
  # Password (SCRAM) over TCP as the app connects; the socket, for this script, needs none.
  as_postgres "$bin/initdb" -D "$data/db" -U postgres --pwfile="$data/password" --auth-host=scram-sha-256 --auth-local=trust >/dev/null
  as_postgres "$bin/pg_ctl" -D "$data/db" -l "$data/log" -w -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data" start >/dev/null
  echo "postgres: $(as_postgres "$bin/psql" -h "$data" -p "$port" -U postgres -Atc 'select version()' | cut -d, -f1), listening on 127.0.0.1:$port (data in $data)"
  local status=0
  STOP_DATABASE=$(printf '%q ' "$0" stop "$data") "$@" || status=$?
  exit "$status"
}

stop() {
  local data=$1 quietly=${2:-}
  local port; port=$(sed -n 4p "$data/db/postmaster.pid" 2>/dev/null) || return 0   # not running
  [[ -n $port ]] || return 0
  if [[ -z $quietly ]]; then
    local databases; databases=$(as_postgres "$bin/psql" -h "$data" -p "$port" -U postgres -Atc "select datname from pg_database where not datistemplate and datname <> 'postgres'")
    for db in $databases; do
      local applied; applied=$(as_postgres "$bin/psql" -h "$data" -p "$port" -U postgres -d "$db" -Atc \
        'select string_agg("MigrationId", $$, $$ order by "MigrationId") from "__EFMigrationsHistory"' 2>/dev/null) || true
      echo "postgres: database $db, EF Core migrations applied: ${applied:-none}"
      # Each table's exact row count (query_to_xml runs a count per table in one statement).
      echo "postgres: database $db, rows: $(as_postgres "$bin/psql" -h "$data" -p "$port" -U postgres -d "$db" -Atc \
        "select string_agg(format('%s %s', table_name, (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I', table_schema, table_name), false, true, '')))[1]), ', ' order by table_name)
         from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'")"
    done
  fi
  as_postgres "$bin/pg_ctl" -D "$data/db" -m fast -w stop >/dev/null
  [[ -n $quietly ]] || echo "postgres: stopped"
}

case ${1:-} in
  install|run|stop) "$@" ;;
  *) sed -n '2,/^set -/p' "$0" | grep '^#' >&2; exit 2 ;;
esac
