#!/usr/bin/env bash
# The main job on the sample data: the hospital-way rota of samples/baby-home.json and the solver's rota, each judged by the validator and scored child by child.
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null 2>&1 || { echo "run.sh: the .NET SDK is missing: install dotnet-sdk-10.0 (https://learn.microsoft.com/dotnet/core/install/linux-debian)"; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
. scripts/ensure-cbc.sh || exit 2

problem=${1:-samples/baby-home.json}
seconds=${2:-60}
mkdir -p out
dotnet build src/ContinuityScheduler.Cli -c Release --nologo -v quiet >/dev/null
cli() { dotnet src/ContinuityScheduler.Cli/bin/Release/net10.0/continuity.dll "$@"; }
echo "== The hospital way: caregivers rotated across all groups"
cli baseline "$problem" --out out/hospital-way.json
cli score "$problem" out/hospital-way.json | tail -n 9
echo
echo "== The solver: the most continuity within the labour rules ($seconds s)"
cli solve "$problem" --out out/solver.json --time-limit "$seconds" | tail -n 12 || true
[ -f out/solver.json ] && cli score "$problem" out/solver.json | tail -n 9
