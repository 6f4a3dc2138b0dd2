#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster, then removes the cluster.
#   scripts/pg-test.sh .venv/bin/python -m pytest -q -m "not browser"
# The cluster lives in a temporary folder, listens on 127.0.0.1:$PG_TEST_PORT (55432) with trust auth
# and fsync off, and is stopped and deleted on exit, also when the command fails or is interrupted.
# The command sees DATABASE_URL=postgres://postgres@127.0.0.1:PORT/learningloop; the user "postgres" is a
# superuser, so pytest-django can create and drop its test database.
# Changes no system configuration (no service, no pg_hba edit). Needs PostgreSQL's server binaries
# (Debian: apt-get install postgresql). As root, the cluster runs as the "postgres" system user.
set -euo pipefail

PORT=${PG_TEST_PORT:-55432}
DBNAME=${PG_TEST_DB:-learningloop}

bindir=""
for v in 15 16 17 18; do
  if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then bindir="/usr/lib/postgresql/$v/bin"; break; fi
done
if [ -z "$bindir" ] && command -v pg_ctl >/dev/null 2>&1; then bindir=$(dirname "$(command -v pg_ctl)"); fi
if [ -z "$bindir" ]; then
  echo "pg-test: PostgreSQL server binaries not found (Debian: sudo apt-get install postgresql)." >&2
  exit 1
fi
if [ $# -eq 0 ]; then
  echo "usage: scripts/pg-test.sh COMMAND [ARGS...]" >&2
  exit 2
fi

# As root, PostgreSQL refuses to run: use the postgres system user.
if [ "$(id -u)" -eq 0 ]; then
  as_pg() { su postgres -s /bin/bash -c "$1"; }
else
  as_pg() { bash -c "$1"; }
fi

datadir=$(mktemp -d "${TMPDIR:-/tmp}/learningloop-pg.XXXXXX")
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$datadir"

started=0
cleanup() {
  local rc=$?
  if [ "$started" -eq 1 ]; then
    as_pg "'$bindir/pg_ctl' -D '$datadir/data' stop -m immediate >/dev/null 2>&1" || true
  fi
  rm -rf "$datadir"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "pg-test: something already listens on 127.0.0.1:$PORT (set PG_TEST_PORT to use another port)." >&2
  exit 1
fi

t0=$(date +%s%N)
as_pg "'$bindir/initdb' -D '$datadir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$datadir/initdb.log' 2>&1" \
  || { cat "$datadir/initdb.log" >&2; exit 1; }
started=1
as_pg "'$bindir/pg_ctl' -D '$datadir/data' -l '$datadir/server.log' -w -t 30 \
  -o \"-p $PORT -c listen_addresses=127.0.0.1 -k '$datadir' -c fsync=off -c synchronous_commit=off \
  -c full_page_writes=off\" start >/dev/null" \
  || { cat "$datadir/server.log" >&2; exit 1; }
as_pg "'$bindir/createdb' -h 127.0.0.1 -p $PORT -U postgres '$DBNAME'"
echo "pg-test: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') up on 127.0.0.1:$PORT" \
  "in $(( ($(date +%s%N) - t0) / 1000000 )) ms"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/$DBNAME"
"$@"
