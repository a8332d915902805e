#!/usr/bin/env bash
# The crash test of the suite, longer: the service killed (SIGKILL) mid-write, restarted on the same SQLite file, ROUNDS
# times; it passes when every check holds (integrity, imports whole, jobs once, one published rota a date). Usage: benchmarks/crash.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build ContinuityScheduler.sln -c Release --nologo -v quiet >/dev/null
started=$SECONDS
if CRASH_ROUNDS="${1:-20}" dotnet test tests/ContinuityScheduler.Api.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~CrashTests"; then verdict=passed; else verdict=failed; fi
echo "Crash run: ${1:-20} kill -9 rounds, $((SECONDS - started)) s, $verdict"
