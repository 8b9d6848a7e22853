#!/usr/bin/env bash
# The test command: installs the npm test tools (Azurite, ws, playwright-core, the AWS JS SDK clients) when any is missing, then runs every test
# project. Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Cluster).
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -x node_modules/.bin/azurite || ! -d node_modules/playwright-core || ! -d node_modules/ws || ! -d node_modules/@aws-sdk/client-api-gateway ]]; then
    npm ci --no-audit --no-fund
fi

# -m:1 runs the test projects one after another: the cluster tests detect a dead silo in about a
# second, and sharing two cores with the end-to-end tests' own gateways starves their probes.
exec dotnet test OrleansGateway.sln -m:1 "$@"
