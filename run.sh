#!/usr/bin/env bash
# Starts the ContinuityScheduler service on the embedded default: a SQLite file in data/, samples/baby-home.json loaded as a demo
# institution with the workshop's year of published rotas (the next horizon is solved in the background), Swagger UI, and a development API key. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null 2>&1 || { echo "run.sh: the .NET SDK is missing: install dotnet-sdk-10.0 (https://learn.microsoft.com/dotnet/core/install/linux-debian)"; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build src/ContinuityScheduler.Api -c Release --nologo -v quiet >/dev/null
out="$PWD/src/ContinuityScheduler.Api/bin/Release/net10.0"  # absolute: a relative --contentRoot is taken from the program's own folder
export ContinuityScheduler__DataFolder="${ContinuityScheduler__DataFolder:-data}"
export ContinuityScheduler__Demo__Enabled="${ContinuityScheduler__Demo__Enabled:-true}"
export ContinuityScheduler__Demo__ApiKey="${ContinuityScheduler__Demo__ApiKey:-dev-baby-home-key}"
export ContinuityScheduler__AdminApiKey="${ContinuityScheduler__AdminApiKey:-dev-admin-key}"
echo "Development admin key (X-Admin-Key): $ContinuityScheduler__AdminApiKey"
exec dotnet "$out/ContinuityScheduler.Api.dll" --contentRoot "$out" --urls "${URLS:-http://localhost:5000}"
