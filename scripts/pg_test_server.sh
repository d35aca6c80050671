#!/usr/bin/env bash
# Starts a PostgreSQL server on loopback for thaw's PostgreSQL tests (Debian; root or sudo):
# installs postgresql when missing, starts its cluster, creates role `thaw` (password `thaw`)
# and database `thaw_test`, and prints the URL to export as THAW_TEST_PG. Idempotent.
#   export THAW_TEST_PG=$(bash scripts/pg_test_server.sh)
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "thaw: installing postgresql" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
  $SUDO pg_createcluster "$ver" main >&2
fi
read -r ver name port status _ < <(pg_lsclusters -h | head -1)
if [ "$status" != "online" ]; then
  $SUDO pg_ctlcluster "$ver" "$name" start >&2
fi
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
cd /tmp  # psql run as postgres must be able to read its working directory
as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'thaw'" | grep -q 1 ||
  as_postgres psql -p "$port" -qc "CREATE ROLE thaw LOGIN PASSWORD 'thaw'" >&2
as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'thaw_test'" | grep -q 1 ||
  as_postgres createdb -p "$port" -O thaw thaw_test >&2
echo "postgresql://thaw:thaw@127.0.0.1:$port/thaw_test"
