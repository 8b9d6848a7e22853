#!/usr/bin/env bash
# Creates the chat sample's WebSocket API on a running gateway with the AWS CLI, then prints how to
# start the sample backend and the chat page's address.
#
#   dotnet run --project edge              # the gateway, in another terminal
#   samples/chat/setup.sh
#
# Settings (environment): GATEWAY_ADMIN (http://127.0.0.1:8081), GATEWAY_DATA (http://127.0.0.1:8080),
# CHAT_BACKEND, where the sample backend will listen (http://127.0.0.1:5090), STAGE (prod). The AWS
# CLI's own variables sign the calls; for a local gateway without keys any will do, so they default
# to "local".
set -euo pipefail

GATEWAY_ADMIN=${GATEWAY_ADMIN:-http://127.0.0.1:8081}
GATEWAY_DATA=${GATEWAY_DATA:-http://127.0.0.1:8080}
CHAT_BACKEND=${CHAT_BACKEND:-http://127.0.0.1:5090}
STAGE=${STAGE:-prod}
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-local}
export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-local}
export AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-us-east-1}
export AWS_PAGER=

v2() { aws apigatewayv2 --endpoint-url "$GATEWAY_ADMIN" "$@"; }

# The route is chosen by the message's "action" field: {"action": "join", ...} or {"action": "send", ...}.
API=$(v2 create-api --name chat --protocol-type WEBSOCKET \
      --route-selection-expression '$request.body.action' --query ApiId --output text)

# One HTTP integration per route. The backend learns who is talking from the connectionId header,
# mapped from the connection's context; the message itself passes through as the body.
for action in join send; do
    INTEGRATION=$(v2 create-integration --api-id "$API" --integration-type HTTP \
          --integration-method POST --integration-uri "$CHAT_BACKEND/$action" \
          --request-parameters '{"integration.request.header.connectionId":"context.connectionId"}' \
          --passthrough-behavior WHEN_NO_MATCH --query IntegrationId --output text)
    v2 create-route --api-id "$API" --route-key "$action" --target "integrations/$INTEGRATION" >/dev/null
done

v2 create-stage --api-id "$API" --stage-name "$STAGE" --auto-deploy >/dev/null

STAGE_URL="$GATEWAY_DATA/_aws/execute-api/$API/$STAGE"
WEBSOCKET_URL="ws${STAGE_URL#http}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cat <<TEXT
Created WebSocket API $API (stage $STAGE).

WebSocket URL:  $WEBSOCKET_URL
Stage base:     $STAGE_URL   (@connections and @groups hang off it)

Start the sample backend (it serves the page and pushes through the stage base):
  cd $ROOT && Chat__StageUrl=$STAGE_URL dotnet run --project samples/chat -- --urls $CHAT_BACKEND

Chat page:      $CHAT_BACKEND/?ws=$WEBSOCKET_URL
(open it in two browser tabs, give each a name, join the same room and talk)
TEXT
