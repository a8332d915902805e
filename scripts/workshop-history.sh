#!/usr/bin/env bash
# Makes the workshop's year of published rotas for baby-home: starts the service on a temporary folder with the demo, then
# solves thirteen four-week horizons one after the other through the API, publishing each so it is the next one's history
# (as a home would), and writes the rotas and the year's figures to samples/workshop/history/ (scripts/workshop-history.mjs).
# Usage: scripts/workshop-history.sh [SECONDS_PER_SOLVE]   (default 60; the figures file says what was used)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null 2>&1 || { echo "workshop-history.sh: Node.js is missing: install it with 'sudo apt-get install nodejs'"; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
port=${HISTORY_PORT:-5301}
url="http://127.0.0.1:$port"
curl -s -o /dev/null "$url/health" && { echo "workshop-history.sh: port $port is taken: set HISTORY_PORT"; exit 2; }

dotnet build src/ContinuityScheduler.Api -c Release --nologo -v quiet >/dev/null
out="$PWD/src/ContinuityScheduler.Api/bin/Release/net10.0"
data=$(mktemp -d)
ContinuityScheduler__DataFolder="$data" ContinuityScheduler__Demo__Enabled=true ContinuityScheduler__Demo__ApiKey=history-key \
ContinuityScheduler__Demo__ProblemFile="$PWD/samples/baby-home.json" ContinuityScheduler__Demo__SolveOnFirstStart=false ContinuityScheduler__Demo__HistoryFile= \
  dotnet "$out/ContinuityScheduler.Api.dll" --contentRoot "$out" --urls "$url" >"$data/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 120); do curl -sf -o /dev/null "$url/health" && break; sleep 0.5; done
curl -sf -o /dev/null "$url/health" || { tail -20 "$data/service.log"; echo "workshop-history.sh: the service did not start"; exit 1; }

BASE_URL="$url" API_KEY=history-key SECONDS_PER_SOLVE="${1:-60}" node scripts/workshop-history.mjs
