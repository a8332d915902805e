#!/usr/bin/env bash
# Stops the server tests/postgres/start.sh started and deletes its folder.
# Usage: tests/postgres/stop.sh FOLDER
set -uo pipefail
folder=${1:?the folder start.sh printed}
[ -d "$folder/data" ] || exit 0
bin=$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | head -1)")")
run_as=()
[ "$(id -u)" = 0 ] && run_as=(runuser -u postgres --)
"${run_as[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1
rm -rf "$folder"
