# Sourced by .ci/run: a throwaway PostgreSQL server on loopback for the plan-store tests.
# Debian's server package is installed when the machine has none; initdb and pg_ctl run as a non-root user
# (postgres, when run as root) in a temporary folder, on a free port; a database is created and
# SOP_TEST_POSTGRES_URL names it. At exit (an EXIT trap) the server is stopped and
# the folder removed; a script that sets its own EXIT trap must call `stop_postgres` in it.

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_bin=$(postgres_bin)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(postgres_bin)
fi

if [ "$(id -u)" -eq 0 ]; then
  as_postgres() { runuser -u postgres -- "$@"; }
else
  as_postgres() { "$@"; }
fi

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/sop-postgres.XXXXXX")
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U sop --auth=trust -E UTF8 --no-locale -N >/dev/null

stop_postgres() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT

# a free port (another process may take it between the look and the start: then try another)
for attempt in 1 2 3 4 5; do
  pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -o \
      "-h 127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null; then
    break
  fi
  [ "$attempt" -eq 5 ] && { cat "$pg_dir/server.log" >&2; stop_postgres; echo "PostgreSQL did not start" >&2; exit 1; }
done

"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U sop sop_test
export SOP_TEST_POSTGRES_URL="postgresql+psycopg://sop@127.0.0.1:$pg_port/sop_test"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port for the plan-store tests"
