#!/usr/bin/env bash
# WebSocket benchmark: the gateway's WebSocket API against a bare Kestrel WebSocket server that only holds
# sockets, pushes and broadcasts, side by side in one run. For each size, each target is started fresh
# (so the memory figure of one size is not flattered by a heap the other grew), loaded by
# bench/OrleansGateway.Bench.WebSocketLoad, and stopped. See docs/benchmarks.md.
#
# Usage: bench/ws.sh            (10k connections: every phase; 19k: connect and memory only)
# Knobs (environment):
#   SIZES="10000 19000"      connection counts, one fresh start of every target each
#   FULL_SIZE=10000          the size that also runs push and broadcast (others: connect and memory)
#   TARGETS="bare gateway"   gateway-observers / gateway-streams: the gateway with that group fan-out
#                            (Gateway__WebSockets__Groups__FanOut), for comparing the two in one run
#   FANOUT="Observers Streams"   shorthand: replaces "gateway" in TARGETS by one gateway-<variant> per value
#   ROUNDS=1                 repeat every size's targets this many times, in turn (A, B, A, B), each started
#                            fresh; summary.md then gives medians over rounds and the per-round pairs
#   PHASES=connect,push,broadcast   the phases at FULL_SIZE (e.g. connect,broadcast for the fan-out comparison)
#   MODE=embedded|cluster    gateway: one edge with its co-hosted silo, or Azurite + a silo + two edges
#                            (clients on edge A, posts, joins and broadcasts through edge B)
#   PUSH_RATE=2000 PUSH_SECONDS=10 BROADCASTS=5 SETTLE=10 CONCURRENCY=64 SOURCES=20 WARMUP=1000
#   SKIP_BUILD=1             reuse the Release builds already there
#   MAX_SECONDS=300          bound on each load run (the tool stops itself); the whole script is bounded by
#                            the sum of these and the start-up waits
#   CONNECT_ROUTE=1          0: the gateway's API has no $connect route (a connect then runs no integration)
#   GATEWAY_ENV="K=V ..."    extra environment for the gateway's processes, to try a setting
#   AZURITE=path/to/azurite.js   cluster mode (default: node_modules/azurite from `npm ci`)
#   OUT=bench/results        where ws-results-<time>/ goes
#   HOLD=0                   seconds each load run keeps its connections open at the end (to take a heap dump)
set -euo pipefail

SIZES=${SIZES:-"10000 19000"}
FULL_SIZE=${FULL_SIZE:-10000}
TARGETS=${TARGETS:-"bare gateway"}
MODE=${MODE:-embedded}
PUSH_RATE=${PUSH_RATE:-2000}
PUSH_SECONDS=${PUSH_SECONDS:-10}
BROADCASTS=${BROADCASTS:-5}
SETTLE=${SETTLE:-10}
CONCURRENCY=${CONCURRENCY:-64}
SOURCES=${SOURCES:-20}
WARMUP=${WARMUP:-1000}
MAX_SECONDS=${MAX_SECONDS:-300}
CONNECT_ROUTE=${CONNECT_ROUTE:-1}
ROUNDS=${ROUNDS:-1}
PHASES=${PHASES:-connect,push,broadcast}
FANOUT=${FANOUT:-}
VARIANT=
if [[ -n $FANOUT ]]; then
    variants=""
    for value in $FANOUT; do variants+=" gateway-${value,,}"; done
    TARGETS=$(sed "s/\bgateway\b/${variants# }/" <<<"$TARGETS")
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AZURITE=${AZURITE:-$ROOT/node_modules/azurite/dist/src/azurite.js}
OUT=${OUT:-$ROOT/bench/results}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$OUT/ws-results-$STAMP
WORK=$(mktemp -d /tmp/og-wsbench.XXXXXX)
START=$SECONDS
PIDS=()

log() { printf '[ws-bench %4ds] %s\n' $((SECONDS - START)) "$*" >&2; }

stop_pids() {
    local pid
    for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "$@"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
}

cleanup() {
    ((${#PIDS[@]})) && stop_pids "${PIDS[@]}"
    rm -rf "$WORK"
}

# Stops one run's processes and forgets their PIDs, so the exit trap never signals a reused PID.
stop_run() {
    ((${#RUN_PIDS[@]})) || return 0
    stop_pids "${RUN_PIDS[@]}"
    local pid kept=() stopped=" ${RUN_PIDS[*]} "
    for pid in "${PIDS[@]}"; do [[ $stopped == *" $pid "* ]] || kept+=("$pid"); done
    PIDS=("${kept[@]}")
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits until METHOD URL answers STATUS, for at most LIMIT seconds.
wait_status() {
    local method=$1 url=$2 want=$3 limit=$4 code=none
    local deadline=$((SECONDS + limit))
    while ((SECONDS < deadline)); do
        code=$(curl -s -o /dev/null -X "$method" -w '%{http_code}' "$url" || true)
        [[ $code == "$want" ]] && return 0
        sleep 0.25
    done
    log "no $want from $method $url within ${limit}s (last: $code)"
    return 1
}

release_dll() { echo "$ROOT/$1/bin/Release/net10.0/$2.dll"; }

build() {
    [[ ${SKIP_BUILD:-0} == 1 ]] && return
    log "building Release"
    local project
    for project in bench/OrleansGateway.Bench.WebSocketServer bench/OrleansGateway.Bench.WebSocketLoad edge silo; do
        [[ $project == silo && $MODE != cluster ]] && continue
        (cd "$ROOT" && dotnet build -c Release --nologo -v q "$project" >"$WORK/build.log" 2>&1) \
            || { cat "$WORK/build.log" >&2; exit 1; }
    done
}

# Starts a command in the background, output in $WORK/NAME.log; sets STARTED to its PID.
start() {
    local name=$1; shift
    "$@" >"$WORK/$name.log" 2>&1 &
    STARTED=$!
    PIDS+=("$STARTED")
    log "$name started (pid $STARTED)"
}

aws_admin() {
    AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" \
        aws apigatewayv2 --endpoint-url "$ADMIN_URL" "$@"
}

# The gateway's side: a WebSocket API with $connect on a MOCK integration, and a two-way MOCK route
# "whoami" whose answer tells a client its connection ID (the load tool needs it to push to it).
create_api() {
    local api connect whoami route
    api=$(aws_admin create-api --name ws-bench --protocol-type WEBSOCKET \
        --route-selection-expression '$request.body.action' --query ApiId --output text) || return 1
    if [[ $CONNECT_ROUTE == 1 ]]; then
        connect=$(aws_admin create-integration --api-id "$api" --integration-type MOCK \
            --template-selection-expression '\$default' --request-templates '{"$default":"{\"statusCode\": 200}"}' \
            --query IntegrationId --output text) || return 1
        aws_admin create-route --api-id "$api" --route-key '$connect' --target "integrations/$connect" >/dev/null || return 1
    fi
    whoami=$(aws_admin create-integration --api-id "$api" --integration-type MOCK \
        --template-selection-expression '\$default' --request-templates '{"$default":"{\"statusCode\": 200}"}' \
        --query IntegrationId --output text) || return 1
    aws_admin create-integration-response --api-id "$api" --integration-id "$whoami" --integration-response-key '$default' \
        --template-selection-expression '\$default' \
        --response-templates '{"$default":"{\"connectionId\": \"$context.connectionId\"}"}' >/dev/null || return 1
    route=$(aws_admin create-route --api-id "$api" --route-key whoami --target "integrations/$whoami" \
        --route-response-selection-expression '$default' --query RouteId --output text) || return 1
    aws_admin create-route-response --api-id "$api" --route-id "$route" --route-response-key '$default' >/dev/null || return 1
    aws_admin create-stage --api-id "$api" --stage-name bench >/dev/null || return 1
    aws_admin create-deployment --api-id "$api" --stage-name bench >/dev/null || return 1
    echo "$api"
}

# Starts an edge; sets STARTED. Arguments: name, data port, admin port, then extra NAME=VALUE settings.
start_edge() {
    local name=$1 data=$2 admin=$3; shift 3
    local edge_dir=$ROOT/edge/bin/Release/net10.0
    local extra_env
    read -r -a extra_env <<<"${GATEWAY_ENV:-}"
    [[ -n $VARIANT ]] && extra_env+=("Gateway__WebSockets__Groups__FanOut=${VARIANT^}")
    # The content root is the build output, so the edge reads its own appsettings.json: it runs as shipped.
    start "$name" env -C "$edge_dir" \
        Kestrel__Endpoints__Data__Url="http://127.0.0.1:$data" Kestrel__Endpoints__Admin__Url="http://127.0.0.1:$admin" \
        "$@" "${extra_env[@]}" dotnet "$edge_dir/OrleansGateway.Edge.dll"
}

# Starts the gateway for one run; sets SERVER_PIDS, and the URLs the load tool is given.
start_gateway() {
    local data_a admin_a data_b admin_b cluster_env=()
    data_a=$(free_port); admin_a=$(free_port)
    SERVER_PIDS=()
    if [[ $MODE == cluster ]]; then
        local blob queue table silo_port gateway_port health connection
        blob=$(free_port); queue=$(free_port); table=$(free_port)
        mkdir -p "$WORK/azurite-$RUN"
        start azurite node "$AZURITE" --skipApiVersionCheck --disableTelemetry --silent \
            --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
            --tableHost 127.0.0.1 --tablePort "$table" --location "$WORK/azurite-$RUN"
        RUN_PIDS+=("$STARTED")
        connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
        for _ in $(seq 1 120); do (exec 3<>/dev/tcp/127.0.0.1/"$table") 2>/dev/null && break; sleep 0.25; done
        cluster_env=(Gateway__Mode=Cluster "Gateway__Storage__ConnectionString=$connection" Gateway__Silo__ClusterId="ws-bench-$RUN")
        silo_port=$(free_port); gateway_port=$(free_port); health=$(free_port)
        local silo_dir=$ROOT/silo/bin/Release/net10.0 extra_env
        read -r -a extra_env <<<"${GATEWAY_ENV:-}"
        [[ -n $VARIANT ]] && extra_env+=("Gateway__WebSockets__Groups__FanOut=${VARIANT^}")
        start silo env -C "$silo_dir" "Gateway__Storage__ConnectionString=$connection" Gateway__Silo__ClusterId="ws-bench-$RUN" \
            Gateway__Silo__SiloPort="$silo_port" Gateway__Silo__GatewayPort="$gateway_port" \
            Kestrel__Endpoints__Health__Url="http://127.0.0.1:$health" "${extra_env[@]}" dotnet "$silo_dir/OrleansGateway.Silo.dll"
        RUN_PIDS+=("$STARTED"); SERVER_PIDS+=("$STARTED")
        wait_status GET "http://127.0.0.1:$health/healthz" 200 90 || { tail -20 "$WORK/silo.log" >&2; return 1; }
    else
        cluster_env=("Gateway__Storage__Path=$WORK/gateway-data-$RUN")
    fi

    start_edge edge-a "$data_a" "$admin_a" "${cluster_env[@]}"
    RUN_PIDS+=("$STARTED"); SERVER_PIDS+=("$STARTED")
    wait_status GET "http://127.0.0.1:$admin_a/healthz" 200 90 || { tail -20 "$WORK/edge-a.log" >&2; return 1; }
    wait_status GET "http://127.0.0.1:$data_a/healthz" 200 30 || { tail -20 "$WORK/edge-a.log" >&2; return 1; }
    data_b=$data_a
    if [[ $MODE == cluster ]]; then
        data_b=$(free_port); admin_b=$(free_port)
        start_edge edge-b "$data_b" "$admin_b" "${cluster_env[@]}"
        RUN_PIDS+=("$STARTED"); SERVER_PIDS+=("$STARTED")
        wait_status GET "http://127.0.0.1:$data_b/healthz" 200 90 || { tail -20 "$WORK/edge-b.log" >&2; return 1; }
    fi

    ADMIN_URL=http://127.0.0.1:$admin_a
    local api
    api=$(create_api) || { log "the gateway did not create the WebSocket API"; return 1; }
    log "created WebSocket API $api (stage bench)"
    local stage_a=127.0.0.1:$data_a/_aws/execute-api/$api/bench stage_b=http://127.0.0.1:$data_b/_aws/execute-api/$api/bench
    # A plain GET on the stage answers 426 once the deployment is live on both edges.
    wait_status GET "http://$stage_a" 426 30 || return 1
    wait_status GET "$stage_b" 426 30 || return 1
    LOAD_ARGS=(--ws-url "ws://$stage_a" --push-url "$stage_b/@connections/{id}"
        --join-url "$stage_b/@groups/{group}/connections/{id}" --broadcast-url "$stage_b/@groups/{group}")
}

start_bare() {
    local port
    port=$(free_port)
    start bare dotnet "$(release_dll bench/OrleansGateway.Bench.WebSocketServer OrleansGateway.Bench.WebSocketServer)" "http://127.0.0.1:$port"
    RUN_PIDS+=("$STARTED")
    SERVER_PIDS=("$STARTED")
    wait_status GET "http://127.0.0.1:$port/" 426 30 || return 1
    LOAD_ARGS=(--ws-url "ws://127.0.0.1:$port/" --push-url "http://127.0.0.1:$port/push/{id}" --broadcast-url "http://127.0.0.1:$port/broadcast")
}

command -v aws >/dev/null || [[ $TARGETS != *gateway* ]] || { log "the AWS CLI (aws) is needed for the gateway target"; exit 1; }
if [[ $MODE == cluster && $TARGETS == *gateway* && ! -f $AZURITE ]]; then
    log "cluster mode needs Azurite: run npm ci, or set AZURITE=path/to/azurite.js"
    exit 1
fi
mkdir -p "$RESULTS"
# Open files are capped (20,000 here): every process gets the hard limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
build
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
read -r -a SIZE_LIST <<<"$SIZES"
read -r -a TARGET_LIST <<<"$TARGETS"
log "plan: sizes ${SIZE_LIST[*]}, targets ${TARGET_LIST[*]}, $ROUNDS round(s), gateway mode $MODE; open-file limit $(ulimit -n)"

for size in "${SIZE_LIST[@]}"; do
    phases=connect
    [[ $size == "$FULL_SIZE" ]] && phases=$PHASES
    for round in $(seq 1 "$ROUNDS"); do
        for target in "${TARGET_LIST[@]}"; do
            RUN=$target-$size
            ((ROUNDS > 1)) && RUN=$RUN-r$round
            RUN_PIDS=()
            VARIANT=
            starter=start_$target
            if [[ $target == gateway-* ]]; then
                VARIANT=${target#gateway-}
                starter=start_gateway
            fi
            if ! "$starter"; then
                log "$RUN: the target did not start; skipped"
                for name in bare edge-a edge-b silo; do [[ -f $WORK/$name.log ]] && cp "$WORK/$name.log" "$RESULTS/$RUN-$name.log"; done
                stop_run
                continue
            fi
            log "$RUN: load ($phases), server processes ${SERVER_PIDS[*]}"
            pids=$(IFS=,; echo "${SERVER_PIDS[*]}")
            timeout $((MAX_SECONDS + 30)) dotnet "$(release_dll bench/OrleansGateway.Bench.WebSocketLoad OrleansGateway.Bench.WebSocketLoad)" \
                --label "$target" "${LOAD_ARGS[@]}" --pids "$pids" --connections "$size" --phases "$phases" \
                --sources "$SOURCES" --concurrency "$CONCURRENCY" --warmup "$WARMUP" --settle "$SETTLE" \
                --push-rate "$PUSH_RATE" --push-seconds "$PUSH_SECONDS" --broadcasts "$BROADCASTS" \
                --max-seconds "$MAX_SECONDS" --hold "${HOLD:-0}" --out "$RESULTS/$RUN.json" 2> >(tee "$RESULTS/$RUN-load.log" >&2) \
                || log "$RUN: the load tool failed (exit $?)"
            stop_run
            for name in bare edge-a edge-b silo; do [[ -f $WORK/$name.log ]] && mv "$WORK/$name.log" "$RESULTS/$RUN-$name.log"; done
        done
    done
done

{
    echo "# WebSocket benchmark $STAMP"
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -srm); the load tool and the servers share them."
    echo "Versions: commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown), .NET $(dotnet --version). Gateway mode: $MODE."
    [[ -n ${GATEWAY_ENV:-} ]] && echo "Gateway environment: $GATEWAY_ENV"
    [[ $CONNECT_ROUTE == 1 ]] || echo "The gateway's API had no \$connect route (CONNECT_ROUTE=0)."
    ((ROUNDS > 1)) && echo "Rounds: $ROUNDS; in each, every target started fresh, in the order ${TARGET_LIST[*]}; phases at $FULL_SIZE: $PHASES."
    echo "Connect concurrency $CONCURRENCY from $SOURCES source addresses, warm-up $WARMUP connections, memory read ${SETTLE}s after the last connect; push $PUSH_RATE/s for ${PUSH_SECONDS}s; $BROADCASTS broadcasts."
    echo "Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) ."
    echo
    python3 "$ROOT/bench/ws_summarize.py" "$RESULTS"
} >"$RESULTS/summary.md"
cat "$RESULTS/summary.md"
log "results in $RESULTS"
