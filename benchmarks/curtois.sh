#!/usr/bin/env bash
# Curtois–Qu benchmark: each instance solved under a time limit, judged by the independent checker, table written to
# benchmarks/curtois.md. Usage: benchmarks/curtois.sh [SECONDS] [FILE...]   (default: 60 s, Instance1..12 of ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
if [ "$#" -eq 0 ]; then
  folder=../shared/benchmarks/curtois
  [ -d "$folder" ] || { echo "curtois.sh: the instances are expected in $(cd .. && pwd)/shared/benchmarks/curtois, which does not exist"; exit 2; }
  set -- $(for i in $(seq 1 12); do echo "$folder/Instance$i.txt"; done)
fi
dotnet build benchmarks/ContinuityScheduler.Curtois -c Release --nologo -v quiet >/dev/null
dotnet benchmarks/ContinuityScheduler.Curtois/bin/Release/net10.0/curtois-benchmark.dll --time-limit "$seconds" --out benchmarks/curtois.md "$@"
