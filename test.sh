#!/usr/bin/env bash
# Builds everything (warnings are errors), checks formatting, runs every test project, the API suite a second time on a
# PostgreSQL server (a throw-away one from tests/postgres/start.sh unless CONTINUITY_TEST_POSTGRES names one), and the
# browser tests of the web page, and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET SDK is missing: install dotnet-sdk-10.0 (https://learn.microsoft.com/dotnet/core/install/linux-debian)"; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build ContinuityScheduler.sln -c Release --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
if ! dotnet format ContinuityScheduler.sln --verify-no-changes --no-restore -v quiet; then
  echo "test.sh: code is not 'dotnet format' clean: run 'dotnet format ContinuityScheduler.sln'"
  echo "0 passed, 1 failed"
  exit 1
fi

# PostgreSQL before any test runs, so a missing server stops here with its one-line message.
if [ -z "${CONTINUITY_TEST_POSTGRES:-}" ]; then
  postgres=$(tests/postgres/start.sh) || exit 2
  eval "$postgres"
  trap 'tests/postgres/stop.sh "$CONTINUITY_TEST_POSTGRES_DIR"' EXIT
fi
server=$CONTINUITY_TEST_POSTGRES

log=$(mktemp)
# The whole suite on the embedded SQLite, then the API suite again with every service under test on its own PostgreSQL database.
CONTINUITY_TEST_POSTGRES='' dotnet test ContinuityScheduler.sln -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
echo "The API suite on PostgreSQL:"
CONTINUITY_TEST_POSTGRES=$server dotnet test tests/ContinuityScheduler.Api.Tests -c Release --no-build --nologo 2>&1 | sed 's/ - ContinuityScheduler.Api.Tests.dll/ - ContinuityScheduler.Api.Tests.dll on PostgreSQL/' | tee -a "$log"
postgres_status=${PIPESTATUS[0]}
[ "$postgres_status" -ne 0 ] && status=$postgres_status

# The web page in headless Chromium against a running service (tests/browser/run.sh); its "Passed!" or "Failed!" line joins the totals.
tests/browser/run.sh --no-build 2>&1 | tee -a "$log"
browser_status=${PIPESTATUS[0]}
[ "$browser_status" -ne 0 ] && status=$browser_status

# Each test project, and the browser run, prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T"; add them up.
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the runner failed without naming a test (a crash or a build problem): still a failure
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
