# shellcheck shell=bash
# shellcheck disable=SC2034  # variables used by the files that source this one
# The InferScale services and emulated replicas run by bin/inferscale: what, where, with which flags.
# Sourced after common.sh and kafka.sh.

VERSION_SUFFIX="0.1.0-SNAPSHOT-exec.jar"

# Back-office services in start order (staggered: each must be ready before the next starts).
SERVICES=(metrics-collector scaler-service forecast-service rl-scheduler api-gateway)

declare -A SERVICE_PORT=(
    [api-gateway]=8080
    [metrics-collector]=8081
    [forecast-service]=8082
    [rl-scheduler]=8083
    [scaler-service]=8084
)

# Emulated replicas: name -> "port model replica-id mode".
REPLICAS=(inference-sim-llm-demo-1 inference-sim-llm-demo-2 inference-sim-simple-demo-1 inference-sim-simple-demo-2)
declare -A REPLICA_SPEC=(
    [inference-sim-llm-demo-1]="9101 llm-demo llm-demo-1 llm"
    [inference-sim-llm-demo-2]="9102 llm-demo llm-demo-2 llm"
    [inference-sim-simple-demo-1]="9103 simple-demo simple-demo-1 simple"
    [inference-sim-simple-demo-2]="9104 simple-demo simple-demo-2 simple"
)

STATIC_REPLICAS="llm-demo=http://127.0.0.1:9101,llm-demo=http://127.0.0.1:9102,simple-demo=http://127.0.0.1:9103,simple-demo=http://127.0.0.1:9104"

# Modules whose exec jars `up` needs.
RUNTIME_MODULES=(api-gateway metrics-collector forecast-service rl-scheduler scaler-service inference-sim)

# Default JVM flags for a 2-core box; override with INFERSCALE_JAVA_OPTS_<MODULE> (upper case, '-' -> '_'),
# e.g. INFERSCALE_JAVA_OPTS_API_GATEWAY, INFERSCALE_JAVA_OPTS_INFERENCE_SIM, INFERSCALE_JAVA_OPTS_KAFKA.
BACKOFFICE_JAVA_OPTS="-Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
GATEWAY_JAVA_OPTS="-Xmx384m -XX:+UseParallelGC"
SIM_JAVA_OPTS="-Xmx192m -XX:+UseSerialGC"

module_jar() { printf '%s/%s/target/%s-%s' "$INFERSCALE_ROOT" "$1" "$1" "$VERSION_SUFFIX"; }

# Module of a runnable NAME (service or replica).
module_of() {
    case "$1" in
        inference-sim-*) printf 'inference-sim' ;;
        *) printf '%s' "$1" ;;
    esac
}

port_of() {
    local name="$1"
    if [[ -n "${SERVICE_PORT[$name]:-}" ]]; then
        printf '%s' "${SERVICE_PORT[$name]}"
    elif [[ -n "${REPLICA_SPEC[$name]:-}" ]]; then
        printf '%s' "${REPLICA_SPEC[$name]%% *}"
    elif [[ "$name" == "$KAFKA_NAME" ]]; then
        printf '%s' "$KAFKA_PORT"
    fi
}

readiness_url() {
    local name="$1" port
    port="$(port_of "$name")"
    case "$name" in
        inference-sim-*) printf 'http://127.0.0.1:%s/health' "$port" ;;
        *) printf 'http://127.0.0.1:%s/actuator/health/readiness' "$port" ;;
    esac
}

java_opts_of() {
    local module var def
    module="$(module_of "$1")"
    var="INFERSCALE_JAVA_OPTS_$(printf '%s' "$module" | tr 'a-z-' 'A-Z_')"
    case "$module" in
        api-gateway) def="$GATEWAY_JAVA_OPTS" ;;
        inference-sim) def="$SIM_JAVA_OPTS" ;;
        *) def="$BACKOFFICE_JAVA_OPTS" ;;
    esac
    printf '%s' "${!var:-$def}"
}

# Environment for NAME, one VAR=value per line.
env_of() {
    local name="$1"
    [[ "$name" == inference-sim-* ]] && return 0
    cat <<EOF
KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP
DB_URL=${INFERSCALE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/inferscale}
DB_USER=${INFERSCALE_DB_USER:-inferscale}
DB_PASSWORD=
SERVER_PORT=$(port_of "$name")
INFERSCALE_SERVICE_METRICS_COLLECTOR=http://127.0.0.1:${SERVICE_PORT[metrics-collector]}
INFERSCALE_SERVICE_FORECAST=http://127.0.0.1:${SERVICE_PORT[forecast-service]}
INFERSCALE_SERVICE_RL_SCHEDULER=http://127.0.0.1:${SERVICE_PORT[rl-scheduler]}
INFERSCALE_SERVICE_SCALER=http://127.0.0.1:${SERVICE_PORT[scaler-service]}
INFERSCALE_LOCAL_DIR=$LOCAL_DIR
EOF
    case "$name" in
        api-gateway | metrics-collector) echo "INFERSCALE_STATIC_REPLICAS=$STATIC_REPLICAS" ;;
    esac
    if [[ "$name" == forecast-service ]]; then
        echo "DJL_OFFLINE=true"
        echo "DJL_CACHE_DIR=${DJL_CACHE_DIR:-$VAR_DIR/djl}"
        # TensorFlow's native libraries, unpacked from Maven Central by the forecast-service build.
        echo "TENSORFLOW_LIBRARY_PATH=${TENSORFLOW_LIBRARY_PATH:-$INFERSCALE_ROOT/forecast-service/target/tf-native}"
        echo "TF_CPP_MIN_LOG_LEVEL=1"
    fi
}

# Program arguments for NAME.
args_of() {
    local name="$1" port model id mode
    if [[ -n "${REPLICA_SPEC[$name]:-}" ]]; then
        read -r port model id mode <<<"${REPLICA_SPEC[$name]}"
        printf '%s\n' --port "$port" --model "$model" --replica-id "$id" --mode "$mode"
    fi
}

# Launch NAME (no waiting). Returns 0 if launched or already running, 1 on error.
service_launch() {
    local name="$1" pid port owner jar
    if pid="$(running_pid "$name")"; then
        info "$name already running (pid $pid)"
        return 0
    fi
    port="$(port_of "$name")"
    if port_open "$port"; then
        owner="$(port_owner "$port")"
        err "$name: port $port is already in use${owner:+ by pid $owner} (not started by bin/inferscale)"
        return 1
    fi
    jar="$(module_jar "$(module_of "$name")")"
    [[ -f "$jar" ]] || {
        err "$name: $jar not found (./mvnw -B -DskipTests package)"
        return 1
    }
    local -a envs=() args=() opts=()
    mapfile -t envs < <(env_of "$name")
    mapfile -t args < <(args_of "$name")
    read -r -a opts <<<"$(java_opts_of "$name")"
    info "starting $name on :$port (${opts[*]})"
    spawn "$name" env "${envs[@]}" java "${opts[@]}" -Dinferscale.service="$name" "$MARKER_HOME" \
        -jar "$jar" "${args[@]}" || return 1
    STARTED+=("$name")
}

# Wait until NAME answers URL (default: its readiness URL) with 200. Usage: service_wait NAME START_MS [URL]
service_wait() {
    local name="$1" t0="$2" url="${3:-}" pid code
    local timeout="${INFERSCALE_START_TIMEOUT:-120}"
    [[ -n "$url" ]] || url="$(readiness_url "$name")"
    while :; do
        if ! pid="$(running_pid "$name")"; then
            err "$name exited during startup (log: $(log_file "$name"))"
            show_log_tail "$name" 30
            return 1
        fi
        code="$(http_status "$url")"
        [[ "$code" == 200 ]] && break
        if (($(now_ms) - t0 > timeout * 1000)); then
            err "$name not ready after ${timeout} s: GET $url -> $code (log: $(log_file "$name"))"
            show_log_tail "$name" 30
            return 1
        fi
        sleep 0.5
    done
    ok "$name ready in $(elapsed_s "$t0" "$(now_ms)") s (pid $pid, RSS $(rss_mb "$pid") MB)"
}

# All names managed by bin/inferscale, in start order.
all_names() { printf '%s\n' "$KAFKA_NAME" "${SERVICES[@]}" "${REPLICAS[@]}"; }
