#!/usr/bin/env bash
# Browser tests of the web page at /: starts the service on a temporary data folder with the demo institution, makes two one-week
# rotas through the API, then drives Debian's headless Chromium with playwright-core. Screenshots go to tests/browser/screenshots/.
# Ends with one line "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T, Duration: D s - browser" that test.sh counts.
# Usage: tests/browser/run.sh [--no-build]   (--no-build: the Release build is there already, as in test.sh)
set -uo pipefail
cd "$(dirname "$0")"
here=$PWD
root=$(cd ../.. && pwd)
port=${BROWSER_TEST_PORT:-5299}
base_url="http://127.0.0.1:$port"
api_key=browser-test-key
started=$SECONDS
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The one summary line; a failure before any test ran counts as one failed test, so test.sh never reads it as a pass.
summary() { # passed failed skipped
  local total=$(($1 + $2 + $3)) verdict=Passed
  [ "$2" -gt 0 ] && verdict=Failed
  printf '%s!  - Failed: %5d, Passed: %5d, Skipped: %5d, Total: %5d, Duration: %d s - browser\n' "$verdict" "$2" "$1" "$3" "$total" $((SECONDS - started))
}
fail() { echo "browser: $1"; summary 0 1 0; exit 1; }

# Debian's Chromium: installed when missing and we are root, else one line saying how (as run.sh does for the .NET SDK).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing the Chromium browser (Debian package chromium)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1
  fi
  [ -x /usr/bin/chromium ] || { echo "The Chromium browser is missing: install it with 'sudo apt-get install chromium'."; exit 2; }
fi
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { echo "Node.js is missing: install it with 'sudo apt-get install nodejs npm'."; exit 2; }

npm ci --no-audit --no-fund --loglevel=error >/dev/null || fail "npm ci failed in tests/browser"
if [ "${1:-}" != "--no-build" ]; then
  dotnet build "$root/src/ContinuityScheduler.Api" -c Release --nologo -v quiet >/dev/null || fail "the service does not build"
fi
curl -s -o /dev/null "$base_url/health" && fail "port $port is taken: set BROWSER_TEST_PORT to a free one"

# The service, like ./run.sh but on a temporary data folder and another port, without the demo's own four-week solve or its published year.
data=$(mktemp -d)
out="$root/src/ContinuityScheduler.Api/bin/Release/net10.0"
ContinuityScheduler__DataFolder="$data" \
ContinuityScheduler__Demo__Enabled=true \
ContinuityScheduler__Demo__ProblemFile="$root/samples/baby-home.json" \
ContinuityScheduler__Demo__ApiKey="$api_key" \
ContinuityScheduler__Demo__SolveOnFirstStart=false \
ContinuityScheduler__Demo__ScenarioFolder="$root/samples/workshop" \
ContinuityScheduler__Demo__HistoryFile= \
  dotnet "$out/ContinuityScheduler.Api.dll" --contentRoot "$out" --urls "$base_url" >"$data/service.log" 2>&1 &
service=$!
stop() { kill "$service" 2>/dev/null && wait "$service" 2>/dev/null; rm -rf "$data"; }
trap stop EXIT

for _ in $(seq 120); do
  curl -sf -o /dev/null "$base_url/health" && break
  kill -0 "$service" 2>/dev/null || { tail -20 "$data/service.log"; fail "the service stopped at start-up"; }
  sleep 0.5
done
curl -sf -o /dev/null "$base_url/health" || { tail -20 "$data/service.log"; fail "the service did not answer /health within 60 s"; }

export BASE_URL="$base_url" INSTITUTION_ID=baby-home API_KEY="$api_key" CHROMIUM=/usr/bin/chromium
node prepare.mjs || { tail -20 "$data/service.log"; fail "the two rotas to look at were not made"; }

log="$data/tests.log"
node --test --test-concurrency=1 --test-reporter=spec page.test.mjs week.test.mjs advice.test.mjs leaveoneout.test.mjs scenarioadvice.test.mjs 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
count() { local n; n=$(sed -nE "s/^ℹ $1 ([0-9]+)$/\\1/p" "$log" | tail -1); echo "${n:-0}"; }
passed=$(count pass) failed=$(($(count fail) + $(count cancelled))) skipped=$(($(count skipped) + $(count todo)))
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1  # the runner failed without naming a test
echo "Screenshots: $here/screenshots/"
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
