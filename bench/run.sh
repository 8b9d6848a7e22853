#!/usr/bin/env bash
# HTTP benchmark: the gateway's HTTP_PROXY route against a direct Kestrel backend, a minimal YARP proxy
# and nginx, all forwarding to the same backend, measured with wrk side by side in one run, round by
# round, so that drift on the machine hits every target alike. The "rest" target is a REST API method
# on the same gateway process: an HTTP integration with a request template and the 100-item reshape
# response template (bench/rest-api.yaml). The "restproxy", "restkey" and "restcache" targets are one REST API's
# HTTP_PROXY method to the backend: plain, behind an API key and a usage plan whose throttle and quota are far
# above the load, and served from the stage's response cache (issue 10). See docs/benchmarks.md.
#
# Usage: bench/run.sh            (full run: 3 rounds x {32,256} connections x 4 targets, 10 s each)
# Knobs (environment):
#   ROUNDS=3 DURATION=10 WARMUP=3 CONNECTIONS="32 256" THREADS=2
#   PRIME=8                                (seconds of load per target before round 1, so the JIT has settled)
#   TARGETS="direct yarp nginx gateway"   (a subset to try the harness, e.g. "direct yarp nginx"; add "rest"
#                                           for the REST API's templated route, e.g. "direct yarp gateway rest",
#                                           or "restproxy restkey restcache" for keys, plans and the cache ("restmock":
#                                           a MOCK method answering the same body, the REST pipeline's own cost);
#                                           "gatewaypets" is the HTTP API route forwarding the backend's 100-item
#                                           list, the answer the "rest" target reshapes)
#   SKIP_BUILD=1                           (reuse the Release builds already there)
#   GATEWAY_INVOKE=host|path               (Host: {apiId}.execute-api.localhost, or /_aws/execute-api/{apiId}/$default)
#   OUT=bench/results                      (where results-<time>/ with raw wrk output and summary.md go)
#   MAX_SECONDS=600                        (stop starting new measurements after this long)
#   GATEWAY_ENV="K=V ..."                  (extra environment for the gateway, to try a setting)
#   PROFILE=1                              (after the rounds, sample the .NET proxies' CPU with perf under
#                                           load; the .NET processes then run with perf maps and no R2R code)
set -euo pipefail

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-"32 256"}
THREADS=${THREADS:-2}
TARGETS=${TARGETS:-"direct yarp nginx gateway"}
GATEWAY_INVOKE=${GATEWAY_INVOKE:-host}
MAX_SECONDS=${MAX_SECONDS:-600}
PRIME=${PRIME:-8}
PROFILE=${PROFILE:-0}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/bench/results}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$OUT/results-$STAMP
WORK=$(mktemp -d /tmp/og-bench.XXXXXX)
START=$SECONDS
PIDS=()
declare -A PID_OF

log() { printf '[bench %4ds] %s\n' $((SECONDS - START)) "$*" >&2; }

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
    if [[ $PROFILE == 1 ]]; then
        for pid in "${PIDS[@]}"; do rm -f "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"; done
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

has_target() { [[ " $TARGETS " == *" $1 "* ]]; }
# The gateway process serves both the HTTP API target ("gateway") and the REST API target ("rest").
has_gateway() { has_target gateway || has_target gatewaypets || has_target rest || has_rest_proxy; }
has_rest_proxy() { has_target restproxy || has_target restkey || has_target restcache || has_target restmock; }

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits until URL answers 200 (optionally with a Host header), for at most $2 seconds.
wait_ok() {
    local url=$1 limit=$2 host=${3:-}
    local deadline=$((SECONDS + limit))
    while ((SECONDS < deadline)); do
        if [[ -n $host ]]; then
            code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $host" "$url" || true)
        else
            code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
        fi
        [[ $code == 200 ]] && return 0
        sleep 0.25
    done
    log "no 200 from $url within ${limit}s (last status: ${code:-none})"
    return 1
}

ensure_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
    if ((${#missing[@]})); then
        log "installing ${missing[*]} from Debian"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    if [[ $PROFILE == 1 ]] && ! command -v perf >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >/dev/null
    fi
    command -v aws >/dev/null || { log "the AWS CLI (aws) is needed for the gateway and rest targets"; has_gateway && exit 1; }
}

build() {
    [[ ${SKIP_BUILD:-0} == 1 ]] && return
    log "building Release"
    local project projects=(bench/OrleansGateway.Bench.Backend bench/OrleansGateway.Bench.YarpProxy)
    has_gateway && projects+=(edge)
    for project in "${projects[@]}"; do
        (cd "$ROOT" && dotnet build -c Release --nologo -v q "$project" >"$WORK/build.log" 2>&1) \
            || { cat "$WORK/build.log" >&2; exit 1; }
    done
}

# Starts a command in the background with its output in $WORK/NAME.log and remembers its PID.
start() {
    local name=$1; shift
    "$@" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    PID_OF[$name]=$!
    log "$name started (pid $!)"
}

release_dll() { echo "$ROOT/$1/bin/Release/net10.0/$2.dll"; }

# CPU time (clock ticks, user + system) used so far by a process and its direct children (nginx's workers).
cpu_ticks() {
    local pid total=0 fields
    for pid in "$1" $(pgrep -P "$1" 2>/dev/null || true); do
        [[ -r /proc/$pid/stat ]] || continue
        read -r -a fields < <(sed 's/^.*) //' "/proc/$pid/stat")
        total=$((total + fields[11] + fields[12]))
    done
    echo "$total"
}
TICKS=$(getconf CLK_TCK)

# Machine-wide busy and steal ticks (all cores) from /proc/stat, and the CPU this script's finished
# children (wrk) have used: together they tell how much CPU something outside the benchmark took.
machine_ticks() {
    local _ user nice system idle iowait irq softirq steal
    read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
    echo "$((user + nice + system + irq + softirq)) $steal"
}
children_ticks() {
    local fields
    read -r -a fields < <(sed 's/^.*) //' "/proc/$$/stat")
    echo $((fields[13] + fields[14]))
}

ensure_tools
mkdir -p "$RESULTS"
if [[ $PROFILE == 1 ]]; then
    # perf resolves JIT-compiled frames through /tmp/perf-PID.map; W^X double mapping and precompiled
    # (R2R) code would hide them.
    export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
build

BACKEND_PORT=$(free_port)
BACKEND=http://127.0.0.1:$BACKEND_PORT
start backend dotnet "$(release_dll bench/OrleansGateway.Bench.Backend OrleansGateway.Bench.Backend)" "$BACKEND"
wait_ok "$BACKEND/" 30

declare -A URL HOSTHDR KEYHDR
URL[direct]=$BACKEND/
PID_OF[direct]=${PID_OF[backend]}

if has_target yarp; then
    YARP_PORT=$(free_port)
    start yarp dotnet "$(release_dll bench/OrleansGateway.Bench.YarpProxy OrleansGateway.Bench.YarpProxy)" "http://127.0.0.1:$YARP_PORT" "$BACKEND"
    URL[yarp]=http://127.0.0.1:$YARP_PORT/
    wait_ok "${URL[yarp]}" 30
fi

if has_target nginx; then
    NGINX_PORT=$(free_port)
    mkdir -p "$WORK/nginx"
    cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    upstream backend {
        server 127.0.0.1:$BACKEND_PORT;
        keepalive 128;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://backend;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
EOF
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
    start nginx "$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf"
    URL[nginx]=http://127.0.0.1:$NGINX_PORT/
    wait_ok "${URL[nginx]}" 15
fi

aws_bench() {
    AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" \
        aws --endpoint-url "http://127.0.0.1:$GW_ADMIN_PORT" "$@"
}

if has_gateway; then
    GW_DATA_PORT=$(free_port)
    GW_ADMIN_PORT=$(free_port)
    EDGE_DIR=$ROOT/edge/bin/Release/net10.0
    # The content root is the build output, so the edge reads its own appsettings.json: the gateway runs
    # as shipped, logging included.
    (
        cd "$EDGE_DIR"
        export Kestrel__Endpoints__Data__Url=http://127.0.0.1:$GW_DATA_PORT
        export Kestrel__Endpoints__Admin__Url=http://127.0.0.1:$GW_ADMIN_PORT
        export Gateway__Storage__Path=$WORK/gateway-data
        # AWS's account limit (10,000 requests/s) is below what the gateway serves here: set far above the load,
        # so every request is checked against the account's budget but none is refused.
        export Gateway__Throttling__AccountRateLimit=${ACCOUNT_RATE_LIMIT:-1000000}
        export Gateway__Throttling__AccountBurstLimit=${ACCOUNT_BURST_LIMIT:-500000}
        # Through env, since configuration keys may hold dots that export refuses.
        read -r -a extra_env <<<"${GATEWAY_ENV:-}"
        exec env "${extra_env[@]}" dotnet "$EDGE_DIR/OrleansGateway.Edge.dll"
    ) >"$WORK/gateway.log" 2>&1 &
    PIDS+=($!)
    PID_OF[gateway]=$!
    log "gateway started (pid $!)"
    wait_ok "http://127.0.0.1:$GW_ADMIN_PORT/healthz" 90 || { tail -20 "$WORK/gateway.log" >&2; exit 1; }
    wait_ok "http://127.0.0.1:$GW_DATA_PORT/healthz" 30 || { tail -20 "$WORK/gateway.log" >&2; exit 1; }

    for target in rest restproxy restkey restcache restmock; do PID_OF[$target]=${PID_OF[gateway]}; done
fi

if has_target gateway || has_target gatewaypets; then
    API_ID=$(aws_bench apigatewayv2 create-api --name bench --protocol-type HTTP --target "$BACKEND/" \
        --query ApiId --output text) \
        || { log "the gateway did not create the HTTP API (CreateApi with quick create)"; exit 1; }
    log "created HTTP API $API_ID"
    if [[ $GATEWAY_INVOKE == host ]]; then
        URL[gateway]=http://127.0.0.1:$GW_DATA_PORT/
        HOSTHDR[gateway]=$API_ID.execute-api.localhost
    else
        URL[gateway]="http://127.0.0.1:$GW_DATA_PORT/_aws/execute-api/$API_ID/\$default/"
    fi
    wait_ok "${URL[gateway]}" 15 "${HOSTHDR[gateway]:-}" || { tail -20 "$WORK/gateway.log" >&2; exit 1; }
    # "gatewaypets": the same route forwarding the backend's 100-item list, the REST target's backend answer.
    URL[gatewaypets]="${URL[gateway]}pets?limit=100"
    HOSTHDR[gatewaypets]=${HOSTHDR[gateway]:-}
    PID_OF[gatewaypets]=${PID_OF[gateway]}
    # A 200 is not enough: the answer must be the backend's, forwarded.
    gateway_body=$(curl -s ${HOSTHDR[gateway]:+-H "Host: ${HOSTHDR[gateway]}"} "${URL[gateway]}")
    direct_body=$(curl -s "$BACKEND/")
    [[ $gateway_body == "$direct_body" ]] || { log "the gateway answered '$gateway_body', not the backend's body"; exit 1; }
fi

if has_target rest; then
    sed "s|BENCH_BACKEND|$BACKEND|" "$ROOT/bench/rest-api.yaml" >"$WORK/rest-api.yaml"
    REST_ID=$(aws_bench apigateway import-rest-api --body "fileb://$WORK/rest-api.yaml" --query id --output text) \
        || { log "the gateway did not import bench/rest-api.yaml (ImportRestApi)"; exit 1; }
    aws_bench apigateway create-deployment --rest-api-id "$REST_ID" --stage-name bench >/dev/null \
        || { log "the gateway did not deploy the REST API"; exit 1; }
    log "imported and deployed REST API $REST_ID (stage bench)"
    if [[ $GATEWAY_INVOKE == host ]]; then
        URL[rest]="http://127.0.0.1:$GW_DATA_PORT/bench/pets?limit=100"
        HOSTHDR[rest]=$REST_ID.execute-api.localhost
    else
        URL[rest]="http://127.0.0.1:$GW_DATA_PORT/_aws/execute-api/$REST_ID/bench/pets?limit=100"
    fi
    wait_ok "${URL[rest]}" 15 "${HOSTHDR[rest]:-}" || { tail -20 "$WORK/gateway.log" >&2; exit 1; }
    # The answer must be the reshaped list: 100 items, the last without a trailing comma, the request's id.
    rest_body=$(curl -s ${HOSTHDR[rest]:+-H "Host: ${HOSTHDR[rest]}"} "${URL[rest]}")
    python3 -c '
import json, sys
answer = json.loads(sys.stdin.read())
items = answer["items"]
assert answer["count"] == 100 and len(items) == 100, answer["count"]
assert items[1] == {"id": "2", "description": "Item 2 is a fish.", "askingPrice": 3.49, "available": True}, items[1]
assert len(answer["requestId"]) > 0
' <<<"$rest_body" || { log "the REST route answered '${rest_body:0:300}...', not the reshaped list"; exit 1; }
    log "the REST route answers the reshaped list ($(wc -c <<<"$rest_body") bytes)"
fi

# One REST API, one HTTP_PROXY GET method per resource to the backend's "/": /plain, and /keyed that requires an
# API key. Stage "plain" has no cache; stage "cached" has the cache cluster on and serves /plain from it.
if has_rest_proxy; then
    PROXY_ID=$(aws_bench apigateway create-rest-api --name bench-proxy --query id --output text)
    ROOT_ID=$(aws_bench apigateway get-resources --rest-api-id "$PROXY_ID" --query 'items[0].id' --output text)
    for name in plain keyed; do
        resource=$(aws_bench apigateway create-resource --rest-api-id "$PROXY_ID" --parent-id "$ROOT_ID" --path-part "$name" --query id --output text)
        required=--no-api-key-required
        [[ $name == keyed ]] && required=--api-key-required
        aws_bench apigateway put-method --rest-api-id "$PROXY_ID" --resource-id "$resource" --http-method GET \
            --authorization-type NONE "$required" >/dev/null
        aws_bench apigateway put-integration --rest-api-id "$PROXY_ID" --resource-id "$resource" --http-method GET \
            --type HTTP_PROXY --integration-http-method GET --uri "$BACKEND/" >/dev/null
    done
    # /mock: a MOCK integration answering the backend's body from its response template: the REST pipeline's
    # own cost with no backend call, the floor a cache hit is measured against ("restmock").
    resource=$(aws_bench apigateway create-resource --rest-api-id "$PROXY_ID" --parent-id "$ROOT_ID" --path-part mock --query id --output text)
    aws_bench apigateway put-method --rest-api-id "$PROXY_ID" --resource-id "$resource" --http-method GET --authorization-type NONE >/dev/null
    aws_bench apigateway put-integration --rest-api-id "$PROXY_ID" --resource-id "$resource" --http-method GET --type MOCK \
        --request-templates '{"application/json":"{\"statusCode\": 200}"}' >/dev/null
    aws_bench apigateway put-method-response --rest-api-id "$PROXY_ID" --resource-id "$resource" --http-method GET --status-code 200 >/dev/null
    aws_bench apigateway put-integration-response --rest-api-id "$PROXY_ID" --resource-id "$resource" --http-method GET --status-code 200 \
        --response-templates "{\"application/json\":$(curl -s "$BACKEND/" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}" >/dev/null
    aws_bench apigateway create-deployment --rest-api-id "$PROXY_ID" --stage-name plain >/dev/null
    URL[restproxy]="http://127.0.0.1:$GW_DATA_PORT/plain/plain"
    URL[restkey]="http://127.0.0.1:$GW_DATA_PORT/plain/keyed"
    URL[restcache]="http://127.0.0.1:$GW_DATA_PORT/cached/plain"
    URL[restmock]="http://127.0.0.1:$GW_DATA_PORT/plain/mock"
    for target in restproxy restkey restcache restmock; do HOSTHDR[$target]=$PROXY_ID.execute-api.localhost; done
    log "created REST API $PROXY_ID (HTTP_PROXY methods /plain and /keyed, stage plain)"
    if has_target restkey; then
        KEY_ID=$(aws_bench apigateway create-api-key --name bench --enabled --query id --output text)
        KEYHDR[restkey]=$(aws_bench apigateway get-api-key --api-key "$KEY_ID" --include-value --query value --output text)
        PLAN_ID=$(aws_bench apigateway create-usage-plan --name bench --api-stages "apiId=$PROXY_ID,stage=plain" \
            --throttle burstLimit=100000,rateLimit=1000000 --quota limit=2000000000,period=MONTH --query id --output text)
        aws_bench apigateway create-usage-plan-key --usage-plan-id "$PLAN_ID" --key-id "$KEY_ID" --key-type API_KEY >/dev/null
        log "API key $KEY_ID in usage plan $PLAN_ID (throttle 1,000,000/s burst 100,000, quota 2e9 a month)"
    fi
    if has_target restcache; then
        aws_bench apigateway create-stage --rest-api-id "$PROXY_ID" --stage-name cached \
            --deployment-id "$(aws_bench apigateway get-stage --rest-api-id "$PROXY_ID" --stage-name plain --query deploymentId --output text)" \
            --cache-cluster-enabled --cache-cluster-size 0.5 >/dev/null
        # A method setting of its own starts with AWS's default throttle (10,000/s, burst 5,000), which a cache
        # hit outruns: raise it far above the load, as the key's plan is.
        aws_bench apigateway update-stage --rest-api-id "$PROXY_ID" --stage-name cached --patch-operations \
            op=replace,path=/~1plain/GET/caching/enabled,value=true op=replace,path=/~1plain/GET/caching/ttlInSeconds,value=3600 \
            op=replace,path=/~1plain/GET/throttling/rateLimit,value=1000000 op=replace,path=/~1plain/GET/throttling/burstLimit,value=100000 >/dev/null
        log "stage cached: cache cluster 0.5 GB, GET /plain cached for 3600 s, throttle 1,000,000/s burst 100,000"
    fi
    for target in restproxy restkey restcache restmock; do
        has_target "$target" || continue
        body=$(curl -s -H "Host: ${HOSTHDR[$target]}" ${KEYHDR[$target]:+-H "x-api-key: ${KEYHDR[$target]}"} "${URL[$target]}")
        [[ $body == "$(curl -s "$BACKEND/")" ]] || { log "$target answered '${body:0:300}', not the backend's body"; tail -20 "$WORK/gateway.log" >&2; exit 1; }
    done
    if has_target restkey; then
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: ${HOSTHDR[restkey]}" "${URL[restkey]}")
        [[ $code == 403 ]] || { log "restkey answered $code without its API key, not 403: the key is not enforced"; exit 1; }
    fi
fi

read -r -a TARGET_LIST <<<"$TARGETS"
read -r -a CONN_LIST <<<"$CONNECTIONS"
runs=$((ROUNDS * ${#CONN_LIST[@]} * ${#TARGET_LIST[@]}))
log "plan: $runs measurements of ${DURATION}s (+${WARMUP}s warm-up each), about $((runs * (DURATION + WARMUP + 1) + PRIME * ${#TARGET_LIST[@]}))s"

wrk_args() {
    local target=$1
    local args=("${URL[$target]}")
    [[ -n ${HOSTHDR[$target]:-} ]] && args+=(-H "Host: ${HOSTHDR[$target]}")
    [[ -n ${KEYHDR[$target]:-} ]] && args+=(-H "x-api-key: ${KEYHDR[$target]}")
    printf '%s\n' "${args[@]}"
}

# .NET tiers its JIT up over the first seconds under load; give every target the same start before measuring.
for target in "${TARGET_LIST[@]}"; do
    mapfile -t args < <(wrk_args "$target")
    timeout $((PRIME + 15)) wrk -t"$THREADS" -c"${CONN_LIST[0]}" -d"${PRIME}s" "${args[@]}" >/dev/null 2>&1 || true
done
log "primed every target for ${PRIME}s"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
printf 'round\ttarget\tconnections\trps\tp50_ms\tp99_ms\tnon2xx\tsocket_errors\ttarget_cpu_us_per_req\tbackend_cpu_us_per_req\tother_cpu_pct\tsteal_pct\n' >"$RESULTS/results.tsv"
stopped=0
for round in $(seq 1 "$ROUNDS"); do
    # Rotate the order each round, so no target always runs first or right after a heavy one.
    shift_by=$(((round - 1) % ${#TARGET_LIST[@]}))
    ordered=("${TARGET_LIST[@]:shift_by}" "${TARGET_LIST[@]:0:shift_by}")
    for conns in "${CONN_LIST[@]}"; do
        for target in "${ordered[@]}"; do
            if ((SECONDS - START > MAX_SECONDS)); then
                log "time budget of ${MAX_SECONDS}s used up; stopping here"
                stopped=1
                break 3
            fi
            mapfile -t args < <(wrk_args "$target")
            raw=$RESULTS/wrk-r$round-$target-c$conns.txt
            timeout $((WARMUP + 15)) wrk -t"$THREADS" -c"$conns" -d"${WARMUP}s" "${args[@]}" >/dev/null 2>&1 || true
            target_before=$(cpu_ticks "${PID_OF[$target]}")
            backend_before=$(cpu_ticks "${PID_OF[backend]}")
            read -r busy_before steal_before < <(machine_ticks)
            wrk_before=$(children_ticks)
            timeout $((DURATION + 15)) wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --latency "${args[@]}" >"$raw" 2>&1 || true
            target_ticks=$(($(cpu_ticks "${PID_OF[$target]}") - target_before))
            backend_ticks=$(($(cpu_ticks "${PID_OF[backend]}") - backend_before))
            wrk_ticks=$(($(children_ticks) - wrk_before))
            read -r busy_after steal_after < <(machine_ticks)
            ours=$((target_ticks + wrk_ticks))
            [[ $target != direct ]] && ours=$((ours + backend_ticks))
            capacity=$((DURATION * TICKS * $(nproc)))
            other_pct=$(awk -v o=$((busy_after - busy_before - ours)) -v c=$capacity 'BEGIN { v = 100 * o / c; printf "%.1f", v < 0 ? 0 : v }')
            steal_pct=$(awk -v s=$((steal_after - steal_before)) -v c=$capacity 'BEGIN { printf "%.1f", 100 * s / c }')
            line=$(python3 "$ROOT/bench/parse_wrk.py" "$raw" "$DURATION" "$TICKS" "$target_ticks" "$backend_ticks")
            printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$target" "$conns" "$line" "$other_pct" "$steal_pct" >>"$RESULTS/results.tsv"
            log "round $round c=$conns $target: $(cut -f1-3 <<<"$line" | tr '\t' ' ') (rps p50 p99)"
        done
    done
done

# Where a .NET proxy's CPU goes under the same load: perf samples of the process, JIT frames named.
if [[ $PROFILE == 1 ]]; then
    for target in yarp gateway rest restproxy restkey restcache restmock; do
        has_target "$target" || continue
        mapfile -t args < <(wrk_args "$target")
        timeout $((DURATION + 20)) wrk -t"$THREADS" -c"${CONN_LIST[0]}" -d"$((DURATION + 2))s" "${args[@]}" >/dev/null 2>&1 &
        wrk_pid=$!
        sleep 1
        timeout $((DURATION + 20)) perf record -q -F 499 -e cpu-clock -g -p "${PID_OF[$target]}" -o "$WORK/perf-$target.data" -- sleep "$DURATION" >/dev/null 2>&1 || true
        wait "$wrk_pid" || true
        perf report -i "$WORK/perf-$target.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep '%' >"$RESULTS/profile-$target-dso.txt" || true
        perf report -i "$WORK/perf-$target.data" --no-children --sort dso,sym --stdio -g none -t $'\t' 2>/dev/null | grep '%' >"$RESULTS/profile-$target-self.tsv" || true
        perf report -i "$WORK/perf-$target.data" --children --sort sym --stdio -g none 2>/dev/null | grep '%' >"$RESULTS/profile-$target-inclusive.txt" || true
        python3 "$ROOT/bench/perf_by_assembly.py" "$RESULTS/profile-$target-self.tsv" >"$RESULTS/profile-$target-assemblies.txt"
        log "profiled $target: $RESULTS/profile-$target-*.txt"
    done
fi

for name in backend yarp nginx gateway; do
    [[ -f $WORK/$name.log ]] && cp "$WORK/$name.log" "$RESULTS/$name.log"
done
{
    echo "# Benchmark $STAMP"
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -srm); wrk, the targets and the backend share them."
    echo "Versions: commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown), .NET $(dotnet --version), $(nginx -v 2>&1 | sed 's/^nginx version: //'), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')."
    [[ -n ${GATEWAY_ENV:-} ]] && has_gateway && echo "Gateway environment: $GATEWAY_ENV"
    echo "Rounds: $ROUNDS (interleaved), wrk -t$THREADS, ${WARMUP}s warm-up + ${DURATION}s measured per cell; figures are medians over rounds."
    echo "Load average (1, 5, 15 min) before the rounds: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) ."
    ((stopped)) && echo "Stopped early at the ${MAX_SECONDS}s time budget."
    echo
    python3 "$ROOT/bench/summarize.py" "$RESULTS/results.tsv"
} >"$RESULTS/summary.md"
cat "$RESULTS/summary.md"
log "results in $RESULTS"
