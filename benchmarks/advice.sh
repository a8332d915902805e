#!/usr/bin/env bash
# Advice benchmark: the fewest hires for "no uncovered posts" on baby-home and regional (as they are and short-staffed),
# and "lowest child ≥ 60" on each home as it is, each beside the plain solve of the same home in the same run. Usage: benchmarks/advice.sh [SECONDS] [SAMPLE...]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build benchmarks/ContinuityScheduler.Benchmarks -c Release --nologo -v quiet >/dev/null
dotnet benchmarks/ContinuityScheduler.Benchmarks/bin/Release/net10.0/continuity-benchmarks.dll advice "$@"
