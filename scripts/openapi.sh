#!/usr/bin/env bash
# Regenerates openapi.yaml from the code with the Swashbuckle CLI (a local tool); a test fails when the committed file differs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/ContinuityScheduler.Api -c Release --nologo -v quiet >/dev/null
dotnet swagger tofile --yaml --output openapi.yaml src/ContinuityScheduler.Api/bin/Release/net10.0/ContinuityScheduler.Api.dll v1 >/dev/null
echo "openapi.yaml written"
