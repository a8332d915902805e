#!/usr/bin/env bash
# Solver benchmark: every sample against the hospital way, in one run. Usage: benchmarks/run.sh [SECONDS] [SAMPLE...]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build benchmarks/ContinuityScheduler.Benchmarks -c Release --nologo -v quiet >/dev/null
dotnet benchmarks/ContinuityScheduler.Benchmarks/bin/Release/net10.0/continuity-benchmarks.dll "$@"
