# shellcheck shell=bash
# bench-gateway: the learned policy that target (d) `rl` evaluates. No trainer exists yet, so the benchmark
# publishes one itself on routing.policies (docs/events.md): every ReplicaFeature -> 16 ReLU units -> 1 score,
# weights from a fixed seed, shaped to prefer replicas with fewer requests in flight. It measures what evaluating a
# learned policy costs per request, not how good a trained one is. Sourced by bin/lib/bench-gateway.sh.

BENCH_POLICY_FEATURES='"in_flight","in_flight_rel","latency_ewma_s","latency_ewma_rel","expected_wait_s","consecutive_failures"'

# 6 x 16 hidden weights (row-major, out x in), 16 biases, 16 output weights, 1 output bias: 129 numbers.
# Load features (in flight, relative in flight, expected wait) feed the hidden units positively and the output
# weights are negative, so more load means a lower score; the other inputs get small seeded noise.
bench_policy_weights() {
    awk 'BEGIN {
        srand(20261125); n = 0
        for (h = 0; h < 16; h++)
            for (f = 0; f < 6; f++)
                w[n++] = (f == 0 || f == 1 || f == 4) ? 0.5 + 0.5 * rand() : 0.2 * rand() - 0.1
        for (h = 0; h < 16; h++) w[n++] = 0.05
        for (h = 0; h < 16; h++) w[n++] = -(0.5 + 0.5 * rand())
        w[n++] = 0
        for (i = 0; i < n; i++) printf "%s%.6f", (i ? "," : ""), w[i]
    }'
}

bench_policy_json() {
    local now expires
    now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    expires="$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)"
    printf '{"meta":{"schemaVersion":1,"eventId":"%s","producer":"bench-gateway","eventTime":"%s"},' \
        "$(cat /proc/sys/kernel/random/uuid)" "$now"
    printf '"model":"%s","version":%s,"algorithm":"bench-mlp-seeded","trainedAt":"%s","expiresAt":"%s",' \
        "$BENCH_MODEL" "$(date +%s)" "$now" "$expires"
    printf '"features":[%s],"layerSizes":[6,16,1],"weights":[%s],' "$BENCH_POLICY_FEATURES" "$(bench_policy_weights)"
    printf '"evaluation":{},"fallback":"p2c"}\n'
}

# Publish with the broker's console producer (key = model), then wait until the gateways (ports) hold it.
bench_policy_publish() {
    info "publishing a seeded 6-16-1 policy for $BENCH_MODEL on routing.policies"
    printf '%s|%s\n' "$BENCH_MODEL" "$(bench_policy_json)" |
        kafka_tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$KAFKA_BOOTSTRAP" \
            --topic routing.policies --property parse.key=true --property 'key.separator=|' \
            >"$LOG_DIR/policy-producer.log" 2>&1 || die "could not publish the policy (log: $LOG_DIR/policy-producer.log)"
    local i view port
    for port in "$@"; do
        for ((i = 0; i < 60; i++)); do
            view="$(curl -s -m 5 -u "admin:$BENCH_ADMIN_PASSWORD" \
                "http://127.0.0.1:$port/api/v1/gateway/models/$BENCH_MODEL" || true)"
            [[ "$view" == *'"active":true'* ]] && break
            [[ "$view" == *'"rejected":"'* ]] && die "the gateway on :$port refused the policy: $view"
            sleep 0.5
        done
        [[ "$view" == *'"active":true'* ]] || die "the gateway on :$port did not install the policy within 30 s: $view"
        ok "  the gateway on :$port holds the learned policy"
    done
}

# Sum of a counter over its series on a gateway's /actuator/prometheus, those with LABEL (e.g. model="bench") when
# given; 0 when never counted. Usage: bench_counter PORT METRIC [LABEL]
bench_counter() {
    curl -s -m 5 "http://127.0.0.1:$1/actuator/prometheus" |
        awk -v name="$2" -v label="${3:-}" '$1 ~ "^" name "([{]|$)" && (label == "" || index($0, label)) { s += $NF }
            END { printf "%d", s }'
}

# inferscale_gateway_rl_fallback_total over reasons for the bench model. Usage: bench_policy_fallbacks PORT
bench_policy_fallbacks() {
    bench_counter "$1" inferscale_gateway_rl_fallback_total "model=\"$BENCH_MODEL\""
}

# Telemetry events the gateway's bounded buffer could not take. Usage: bench_telemetry_drops PORT
bench_telemetry_drops() {
    bench_counter "$1" inferscale_gateway_telemetry_dropped_total
}
