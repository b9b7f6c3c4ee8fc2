#!/usr/bin/env bash
# bin/inferscale bench-gateway: what the api-gateway's data plane costs, side by side in one run on loopback:
# (a) direct to one inference-sim replica, (b) nginx least_conn in front of the replicas, (c) InferScale p2c,
# (d) InferScale rl (a published learned policy, evaluated per request). Near-zero replica service time, so what is
# measured is the proxy. See docs/benchmarks.md "api-gateway: data-plane overhead".
#
# Everything it starts runs on 28xxx ports beside a local stack, and is stopped on exit (also on Ctrl-C):
# a KRaft broker (28092/28093, state in var/bench/kafka), the database inferscale_gwbench (dropped), replicas on
# 28101.., nginx on 28080 (config var/bench/nginx/nginx.conf), the gateway on 28090. Logs and results: var/bench/.
set -euo pipefail

if [[ -z "${INFERSCALE_ROOT:-}" ]]; then
    INFERSCALE_ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    export INFERSCALE_ROOT
fi
# The benchmark's own broker, beside the local stack's (kafka.sh reads these when sourced).
export INFERSCALE_KAFKA_PORT=28092 INFERSCALE_KAFKA_CONTROLLER_PORT=28093
export INFERSCALE_KAFKA_STATE_DIR="$INFERSCALE_ROOT/var/bench/kafka" INFERSCALE_KAFKA_NAME=gwbench-kafka

# shellcheck source=bin/lib/common.sh
source "$INFERSCALE_ROOT/bin/lib/common.sh"
# shellcheck source=bin/lib/kafka.sh
source "$INFERSCALE_ROOT/bin/lib/kafka.sh"
# shellcheck source=bin/lib/services.sh
source "$INFERSCALE_ROOT/bin/lib/services.sh"

BENCH_DIR="$VAR_DIR/bench"
LOG_DIR="$BENCH_DIR/log"
RUN_DIR="$BENCH_DIR/run"
BENCH_RESULTS="$BENCH_DIR/gateway-results.txt"

BENCH_REPLICAS=2
BENCH_DURATION=20
BENCH_WARMUP=60
BENCH_WARMUP_MAX=300
BENCH_BASELINE_JAR=
BENCH_OPEN_LOOP_WARMUP=5
BENCH_CONNECTIONS=64
BENCH_WRK_THREADS=2
BENCH_RATE=2000
BENCH_TARGETS=direct,nginx,p2c,rl
BENCH_PROFILE=0
BENCH_HOLD=0
STARTED=()

# shellcheck source=bin/lib/bench-env.sh
source "$INFERSCALE_ROOT/bin/lib/bench-env.sh"
# shellcheck source=bin/lib/bench-measure.sh
source "$INFERSCALE_ROOT/bin/lib/bench-measure.sh"
# shellcheck source=bin/lib/bench-report.sh
source "$INFERSCALE_ROOT/bin/lib/bench-report.sh"
# shellcheck source=bin/lib/bench-policy.sh
source "$INFERSCALE_ROOT/bin/lib/bench-policy.sh"

usage() {
    cat <<EOF
Usage: bin/inferscale bench-gateway [options]

Options (defaults in brackets):
  --replicas N        inference-sim replicas behind nginx and the gateway [$BENCH_REPLICAS]
  --duration S        seconds of each measurement (wrk, then open loop) [$BENCH_DURATION]
  --warmup S          at least S seconds of wrk warm-up per target (JIT), then 10 s rounds until one is
                      within 5% of the one before [$BENCH_WARMUP]
  --warmup-max S      at most S seconds of warm-up per target [$BENCH_WARMUP_MAX]
  --connections C     wrk connections [$BENCH_CONNECTIONS]
  --rate R            open-loop rate for the latency measurement, req/s [$BENCH_RATE]
  --targets LIST      any of direct,nginx,p2c,rl (and p2c-base,rl-base), in this order [$BENCH_TARGETS]
  --baseline-jar JAR  also run this api-gateway exec jar (e.g. built from main) on :$BENCH_BASE_PORT, for the
                      targets p2c-base and rl-base: before/after in one run
  --hold              start everything, then wait (for manual runs and profiling) until Ctrl-C
  --profile           after the measurements, JFR-record the gateway (p2c) under wrk; top frames to
                      var/bench/log/profile-p2c.txt
Environment: INFERSCALE_JAVA_OPTS_API_GATEWAY [$GATEWAY_JAVA_OPTS], INFERSCALE_JAVA_OPTS_INFERENCE_SIM
[$SIM_JAVA_OPTS], INFERSCALE_SKIP_BUILD=1 (never build).
EOF
}

parse_args() {
    while (($#)); do
        case "$1" in
            --replicas) BENCH_REPLICAS="$2" ;;
            --duration) BENCH_DURATION="$2" ;;
            --warmup) BENCH_WARMUP="$2" ;;
            --warmup-max) BENCH_WARMUP_MAX="$2" ;;
            --baseline-jar) BENCH_BASELINE_JAR="$2" ;;
            --connections) BENCH_CONNECTIONS="$2" ;;
            --rate) BENCH_RATE="$2" ;;
            --targets) BENCH_TARGETS="$2" ;;
            --profile)
                BENCH_PROFILE=1
                shift
                continue
                ;;
            --hold)
                BENCH_HOLD=1
                shift
                continue
                ;;
            -h | --help)
                usage
                exit 0
                ;;
            *)
                usage >&2
                die "unknown option '$1'"
                ;;
        esac
        [[ $# -ge 2 ]] || die "option $1 needs a value"
        shift 2
    done
    [[ "$BENCH_REPLICAS" =~ ^[1-9]$ ]] || die "--replicas: 1 to 9"
    if [[ ",$BENCH_TARGETS," == *-base,* && -z "$BENCH_BASELINE_JAR" ]]; then
        die "targets p2c-base / rl-base need --baseline-jar"
    fi
    [[ -z "$BENCH_BASELINE_JAR" || -f "$BENCH_BASELINE_JAR" ]] || die "no such jar: $BENCH_BASELINE_JAR"
}

build_if_needed() {
    if [[ -f "$(module_jar api-gateway)" && -f "$(module_jar inference-sim)" &&
        -f "$INFERSCALE_ROOT/api-gateway/target/test-classes/io/inferscale/gateway/bench/OpenLoopLoad.class" ]]; then
        return 0
    fi
    [[ "${INFERSCALE_SKIP_BUILD:-}" != 1 ]] || die "jars or api-gateway test classes missing (INFERSCALE_SKIP_BUILD=1)"
    info "building api-gateway and inference-sim (./mvnw -B -q -DskipTests package -pl api-gateway,inference-sim -am) ..."
    (cd "$INFERSCALE_ROOT" && ./mvnw -B -q -DskipTests package -pl api-gateway,inference-sim -am) || die "build failed"
}

check_ports_free() {
    local p i
    for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$BENCH_NGINX_PORT" "$BENCH_GATEWAY_PORT" "$BENCH_BASE_PORT"; do
        ! port_open "$p" || die "port $p is in use (pid $(port_owner "$p")): another bench-gateway running?"
    done
    for ((i = 1; i <= BENCH_REPLICAS; i++)); do
        p=$((BENCH_SIM_BASE_PORT + i))
        ! port_open "$p" || die "port $p is in use (pid $(port_owner "$p"))"
    done
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    info "stopping everything bench-gateway started ..."
    bench_env_stop_all || true
    exit "$rc"
}

# PUT the model's policy through a gateway's admin API and check it took it. The database is shared, so the other
# gateway (if any) follows within its policy refresh.
set_policy() {
    local port="$1" policy="$2" got
    got="$(curl -sf -m 10 -u "admin:$BENCH_ADMIN_PASSWORD" -X PUT -H 'content-type: application/json' \
        -d "{\"policy\":\"$policy\"}" "http://127.0.0.1:$port/api/v1/gateway/models/$BENCH_MODEL/policy")" ||
        die "could not set the policy of $BENCH_MODEL to $policy"
    [[ "$got" == *"\"policy\":\"$policy\""* ]] || die "gateway did not take policy $policy: $got"
}

gateway_pid() { cat "$(pid_file "$BENCH_GATEWAY_NAME")"; }

# After all measurements: starting JFR deoptimizes compiled code (its I/O events instrument JDK classes), and the
# gateway needs a minute to get its speed back, so the profile gets a wrk run of its own and is never a figure.
profile_gateway() {
    local pid url="http://127.0.0.1:$BENCH_GATEWAY_PORT/v1/completions" out="$LOG_DIR/profile-p2c.txt"
    pid="$(gateway_pid)"
    set_policy "$BENCH_GATEWAY_PORT" p2c
    info "${C_BOLD}profile${C_RESET}: JFR on the gateway (p2c) during ${BENCH_DURATION} s of wrk"
    jcmd "$pid" JFR.start name=gwbench settings=profile filename="$BENCH_DIR/gateway-p2c.jfr" >/dev/null ||
        die "could not start JFR"
    wrk -t "$BENCH_WRK_THREADS" -c "$BENCH_CONNECTIONS" -d "${BENCH_DURATION}s" --timeout 10s -s "$BENCH_DIR/post.lua" \
        "$url" >"$LOG_DIR/wrk-profile.txt" 2>&1 || die "wrk failed during the profile"
    jcmd "$pid" JFR.stop name=gwbench >/dev/null || die "could not stop JFR"
    java -cp "$INFERSCALE_ROOT/api-gateway/target/test-classes" io.inferscale.gateway.bench.JfrTop \
        "$BENCH_DIR/gateway-p2c.jfr" 30 >"$out"
    info "  profile: ${out#"$INFERSCALE_ROOT"/} (recording var/bench/gateway-p2c.jfr)"
}

# Target p2c | rl | p2c-base | rl-base.
measure_gateway() {
    local target="$1" policy="${1%-base}" port="$BENCH_GATEWAY_PORT" name="$BENCH_GATEWAY_NAME" pid url
    if [[ "$target" == *-base ]]; then
        port="$BENCH_BASE_PORT"
        name="$BENCH_BASE_NAME"
    fi
    pid="$(<"$(pid_file "$name")")"
    url="http://127.0.0.1:$port/v1/completions"
    set_policy "$port" "$policy"
    local before after drops_before drops_after
    before="$(bench_policy_fallbacks "$port")"
    drops_before="$(bench_telemetry_drops "$port")"
    bench_measure_target "$target" "$url" "$pid"
    drops_after="$(bench_telemetry_drops "$port")"
    printf '%s telemetry_dropped=%s\n' "$target" "$((drops_after - drops_before))" >>"$BENCH_RESULTS"
    if [[ "$drops_before" == "$drops_after" ]]; then
        ok "  $target: no telemetry event dropped (inferscale_gateway_telemetry_dropped_total stayed $drops_after)"
    else
        err "  $target: $((drops_after - drops_before)) telemetry events dropped during the measurements"
    fi
    [[ "$policy" == rl ]] || return 0
    after="$(bench_policy_fallbacks "$port")"
    printf '%s fallback before=%s after=%s\n' "$target" "$before" "$after" >>"$BENCH_RESULTS"
    if [[ "$before" == "$after" ]]; then
        ok "  $target: inferscale_gateway_rl_fallback_total unchanged ($after): every request evaluated the learned policy"
    else
        err "  $target: fallback counter went from $before to $after: some requests were routed by p2c"
        BENCH_RL_FELL_BACK=1
    fi
}

main() {
    parse_args "$@"
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    bench_env_ensure_tools
    build_if_needed
    check_ports_free
    trap cleanup EXIT
    trap 'exit 130' INT TERM

    local load_before t0
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    t0="$(now_ms)"
    : >"$BENCH_RESULTS"
    BENCH_KEY="isk_gwbench_$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n' | tr '_' 'x')"
    BENCH_ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '/+=\n')"
    bench_measure_wrk_script "$BENCH_KEY"

    bench_env_db_create
    bench_env_kafka_start
    bench_env_sims_start "$BENCH_REPLICAS"
    bench_env_nginx_start
    bench_env_gateway_start "$BENCH_GATEWAY_NAME" "$BENCH_GATEWAY_PORT" "$(module_jar api-gateway)" \
        "$BENCH_KEY" "$BENCH_ADMIN_PASSWORD"
    local -a gateway_ports=("$BENCH_GATEWAY_PORT")
    if [[ -n "$BENCH_BASELINE_JAR" ]]; then
        bench_env_gateway_start "$BENCH_BASE_NAME" "$BENCH_BASE_PORT" "$BENCH_BASELINE_JAR" \
            "$BENCH_KEY" "$BENCH_ADMIN_PASSWORD"
        gateway_ports+=("$BENCH_BASE_PORT")
    fi
    if [[ ",$BENCH_TARGETS," == *,rl* ]]; then
        bench_policy_publish "${gateway_ports[@]}"
    fi

    if ((BENCH_HOLD)); then
        ok "holding: direct ${first_sim:-$(bench_env_sim_urls | head -n 1)}, nginx :$BENCH_NGINX_PORT, gateway :$BENCH_GATEWAY_PORT" \
            "(pid $(gateway_pid)); wrk script $BENCH_DIR/post.lua; Ctrl-C stops everything"
        while :; do
            sleep 3600 &
            wait $! # a signal interrupts wait at once (a foreground sleep would delay the trap)
        done
    fi
    local -a targets=()
    IFS=, read -r -a targets <<<"$BENCH_TARGETS"
    local t first_sim
    first_sim="$(bench_env_sim_urls | head -n 1)"
    for t in "${targets[@]}"; do
        case "$t" in
            direct) bench_measure_target direct "$first_sim/v1/completions" "$(<"$(pid_file gwbench-sim-1)")" ;;
            nginx) bench_measure_target nginx "http://127.0.0.1:$BENCH_NGINX_PORT/v1/completions" "$BENCH_NGINX_PID" ;;
            p2c | rl | p2c-base | rl-base) measure_gateway "$t" ;;
            *) die "unknown target '$t' (direct, nginx, p2c, rl, p2c-base, rl-base)" ;;
        esac
    done

    ((BENCH_PROFILE == 0)) || profile_gateway
    echo
    ok "bench-gateway done in $(elapsed_s "$t0" "$(now_ms)") s; load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
    info "$(nproc) CPUs; $BENCH_REPLICAS replicas; wrk -t$BENCH_WRK_THREADS -c$BENCH_CONNECTIONS, ${BENCH_WARMUP}-${BENCH_WARMUP_MAX} s warm-up + ${BENCH_DURATION} s per target;" \
        "open loop $BENCH_RATE req/s for ${BENCH_DURATION} s after ${BENCH_OPEN_LOOP_WARMUP} s; gateway JVM: $BENCH_GATEWAY_OPTS"
    bench_report "${targets[@]}"
    info ""
    info "raw results: ${BENCH_RESULTS#"$INFERSCALE_ROOT"/}; logs: ${LOG_DIR#"$INFERSCALE_ROOT"/}/"
    [[ "${BENCH_RL_FELL_BACK:-0}" == 0 ]] || die "the rl run fell back to p2c: its figures do not measure the learned policy"
}

main "$@"
