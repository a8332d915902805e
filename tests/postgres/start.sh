#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests: initdb into a temporary folder, a free port on 127.0.0.1, trust
# authentication on loopback only. Installs Debian's postgresql when missing and we are root, else says what is missing.
# Prints two shell lines for eval: the server's connection string (CONTINUITY_TEST_POSTGRES) and its folder (for stop.sh).
# Usage: eval "$(tests/postgres/start.sh)" ... tests/postgres/stop.sh "$CONTINUITY_TEST_POSTGRES_DIR"
set -euo pipefail

bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

if ! bin=$(bindir); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing the PostgreSQL server (Debian package postgresql)..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 || true
  fi
  bin=$(bindir) || { echo "The PostgreSQL server is missing: install it with 'sudo apt-get install postgresql'." >&2; exit 2; }
fi

# The server refuses to run as root: as root it runs as Debian's postgres user, which owns the folder.
run_as=()
folder=$(mktemp -d /tmp/continuity-postgres-XXXXXX)
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$folder"
  run_as=(runuser -u postgres --)
fi

"${run_as[@]}" "$bin/initdb" -D "$folder/data" -U continuity -A trust -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
  || { echo "initdb failed: see $folder/initdb.log" >&2; exit 1; }

# A free port: the first one from a random start that nothing answers on.
port=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

# Tests create and drop a database per service under test: many connections, no need to survive a power cut.
"${run_as[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 start \
  -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
  || { echo "PostgreSQL did not start: see $folder/server.log" >&2; exit 1; }

echo "export CONTINUITY_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=continuity;Database=postgres'"
echo "export CONTINUITY_TEST_POSTGRES_DIR='$folder'"
