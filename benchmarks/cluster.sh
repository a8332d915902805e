#!/usr/bin/env bash
# Cluster benchmark: jobs per minute and the wait from post to start with 1, 2 and 3 service instances on one PostgreSQL
# (a throw-away server from tests/postgres/start.sh unless CONTINUITY_TEST_POSTGRES names one). Usage: benchmarks/cluster.sh [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/ContinuityScheduler.Api -c Release --nologo -v quiet >/dev/null
dotnet build benchmarks/ContinuityScheduler.ClusterBenchmark -c Release --nologo -v quiet >/dev/null
if [ -z "${CONTINUITY_TEST_POSTGRES:-}" ]; then
  eval "$(tests/postgres/start.sh)"
  trap 'tests/postgres/stop.sh "$CONTINUITY_TEST_POSTGRES_DIR"' EXIT
fi
dotnet benchmarks/ContinuityScheduler.ClusterBenchmark/bin/Release/net10.0/continuity-cluster-benchmark.dll "$@"
