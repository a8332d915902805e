#!/usr/bin/env bash
# The main job on the sample data: the hospital-way rota of samples/baby-home.json, what it breaks, and each child's continuity.
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null 2>&1 || { echo "run.sh: the .NET SDK is missing: install dotnet-sdk-10.0 (https://learn.microsoft.com/dotnet/core/install/linux-debian)"; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

problem=${1:-samples/baby-home.json}
mkdir -p out
dotnet build src/ContinuityScheduler.Cli -c Release --nologo -v quiet >/dev/null
cli() { dotnet src/ContinuityScheduler.Cli/bin/Release/net10.0/continuity.dll "$@"; }
cli baseline "$problem" --out out/hospital-way.json
cli score "$problem" out/hospital-way.json
cli validate "$problem" out/hospital-way.json | tail -n 12 || true
