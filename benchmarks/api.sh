#!/usr/bin/env bash
# API benchmark: solve-job time against a direct solve, continuity latency against /health, on loopback. Usage: benchmarks/api.sh [--solve-seconds S] [--requests N]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/ContinuityScheduler.Api -c Release --nologo -v quiet >/dev/null
dotnet build benchmarks/ContinuityScheduler.ApiBenchmark -c Release --nologo -v quiet >/dev/null
dotnet benchmarks/ContinuityScheduler.ApiBenchmark/bin/Release/net10.0/continuity-api-benchmark.dll "$@"
