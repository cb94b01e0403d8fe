#!/usr/bin/env bash
# The service suite against a real PostgreSQL server (issue 8, several PCs): installs
# Debian's server when it is missing, starts a throwaway cluster on loopback, runs every
# test that uses a shop database with ZHANGGUI_TEST_PG pointing at it, and stops it.
# Usage: bash tests/run_postgres.sh [pytest arguments]
# ZHANGGUI_PG_PORT picks the port; otherwise a free one is used.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
S=$(command -v sudo || true)
newest_initdb() { ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true; }
INITDB=$(newest_initdb)
if [ -z "$INITDB" ]; then
  $S apt-get update -q && $S env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  INITDB=$(newest_initdb)
fi
BIN=$(dirname "$INITDB")
PORT=${ZHANGGUI_PG_PORT:-$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
# Hex: safe in a URL as it is.
PW=$($PY -c 'import secrets; print(secrets.token_hex(16))')
# initdb refuses to run as root: the cluster then belongs to Debian's postgres user.
if [ "$(id -u)" = 0 ]; then AS=(su postgres -s /bin/sh -c); else AS=(sh -c); fi

DIR=$(mktemp -d /tmp/zhanggui-pg.XXXXXX)
cleanup() {
  if [ -f "$DIR/data/postmaster.pid" ]; then
    "${AS[@]}" "'$BIN/pg_ctl' -D '$DIR/data' -m immediate stop >/dev/null 2>&1" || true
  fi
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
(umask 077 && echo "$PW" > "$DIR/pw")
if [ "$(id -u)" = 0 ]; then chown -R postgres "$DIR"; fi

if ! "${AS[@]}" "'$BIN/initdb' -D '$DIR/data' -U zhanggui --pwfile='$DIR/pw' \
     --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
     >'$DIR/initdb.log' 2>&1"; then
  echo "initdb failed:" >&2; cat "$DIR/initdb.log" >&2 || true; exit 1
fi
# A throwaway cluster: no fsync, so the suite is not waiting on the disk.
if ! "${AS[@]}" "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -o \"-p $PORT -k '$DIR' \
     -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
     -c full_page_writes=off -c max_connections=50\" start >/dev/null"; then
  echo "PostgreSQL did not start (port $PORT):" >&2; cat "$DIR/server.log" >&2 || true; exit 1
fi
ZHANGGUI_TEST_PG="postgresql://zhanggui:$PW@127.0.0.1:$PORT/postgres" \
  $PY -m pytest -p no:cacheprovider "$@"
