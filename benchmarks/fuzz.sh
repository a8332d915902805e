#!/usr/bin/env bash
# The API fuzzer of the test suite, longer: every operation of openapi.yaml, each request broken one way; counts 5xx, bare
# 4xx, 400s naming no field and rejected requests that changed the database (all must be 0). Usage: benchmarks/fuzz.sh [REQUESTS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
report="benchmarks/reports/fuzz-$(date -u +%Y%m%d-%H%M).md"
dotnet build tests/ContinuityScheduler.Api.Tests -c Release --nologo -v quiet >/dev/null
FUZZ_REQUESTS="${1:-10000}" FUZZ_SEED="${2:-20261201}" FUZZ_REPORT="$PWD/$report" \
  dotnet test tests/ContinuityScheduler.Api.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~FuzzTests" || true
cat "$report"
echo "Report: $report"
