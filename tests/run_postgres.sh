#!/usr/bin/env bash
# The service suite against a real PostgreSQL server (issue 8, several PCs): installs
# Debian's server when it is missing, starts a throwaway cluster on loopback, runs every
# test that uses a shop database with ZHANGGUI_TEST_PG pointing at it, and stops it.
# Usage: bash tests/run_postgres.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
S=$(command -v sudo || true)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  $S apt-get update -q && $S env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=${ZHANGGUI_PG_PORT:-55432}
DIR=$(mktemp -d /tmp/zhanggui-pg.XXXXXX)
echo zhanggui > "$DIR/pw"
# initdb refuses to run as root: the cluster then belongs to Debian's postgres user.
if [ "$(id -u)" = 0 ]; then chown -R postgres "$DIR"; AS="su postgres -s /bin/sh -c"; else AS="sh -c"; fi
$AS "'$BIN/initdb' -D '$DIR/data' -U zhanggui --pwfile='$DIR/pw' --auth-local=trust \
     --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >'$DIR/initdb.log'"
# A throwaway cluster: no fsync, so the suite is not waiting on the disk.
$AS "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -o \"-p $PORT -k '$DIR' \
     -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
     -c full_page_writes=off -c max_connections=50\" start >/dev/null"
trap "$AS \"'$BIN/pg_ctl' -D '$DIR/data' -m immediate stop >/dev/null\"; rm -rf '$DIR'" EXIT
ZHANGGUI_TEST_PG="postgresql://zhanggui:zhanggui@127.0.0.1:$PORT/postgres" \
  .venv/bin/python -m pytest -p no:cacheprovider "$@"
