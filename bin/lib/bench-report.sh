# shellcheck shell=bash
# bench-gateway: the results file ("target phase key=value ...") as a markdown table, ratios to nginx and
# latency added over the direct path. Sourced by bin/lib/bench-gateway.sh.

# Value of KEY for TARGET's PHASE line, empty if absent.
bench_value() {
    awk -v t="$1" -v p="$2" -v k="$3" '$1 == t && $2 == p {
        for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) v = kv[2] } } END { print v }' "$BENCH_RESULTS"
}

bench_report() {
    local -a targets=("$@")
    local label t
    local nginx_rps direct_p50 direct_p90 direct_p99
    nginx_rps="$(bench_value nginx throughput rps)"
    direct_p50="$(bench_value direct latency p50_us)"
    direct_p90="$(bench_value direct latency p90_us)"
    direct_p99="$(bench_value direct latency p99_us)"
    echo
    echo "| target | max throughput (req/s) | vs nginx | CPU of target per request | p50 / p90 / p99 at $BENCH_RATE req/s (ms) | added p50 / p99 vs direct (ms) | errors |"
    echo "|---|---|---|---|---|---|---|"
    for t in "${targets[@]}"; do
        case "$t" in
            direct) label="(a) direct to one replica" ;;
            nginx) label="(b) nginx least_conn" ;;
            p2c) label="(c) InferScale p2c" ;;
            rl) label="(d) InferScale rl" ;;
            p2c-base) label="(c') baseline gateway p2c" ;;
            rl-base) label="(d') baseline gateway rl" ;;
            *) label="$t" ;;
        esac
        awk -v label="$label" -v rps="$(bench_value "$t" throughput rps)" -v nginx="$nginx_rps" \
            -v cpu="$(bench_value "$t" throughput cpu_us_per_req)" \
            -v p50="$(bench_value "$t" latency p50_us)" -v p90="$(bench_value "$t" latency p90_us)" \
            -v p99="$(bench_value "$t" latency p99_us)" -v d50="$direct_p50" -v d99="$direct_p99" \
            -v t="$t" -v e1="$(bench_value "$t" throughput non2xx)" -v e2="$(bench_value "$t" throughput errors)" \
            -v e3="$(bench_value "$t" latency failed)" -v ach="$(bench_value "$t" latency achieved_rps)" '
            function ms(us) { return us / 1000 }
            BEGIN {
                ratio = (nginx > 0 && rps > 0) ? sprintf("%.2f", rps / nginx) : "-"
                added = (t == "direct" || d50 == "") ? "-" : sprintf("%+.2f / %+.2f", ms(p50 - d50), ms(p99 - d99))
                printf "| %s | %.0f | %s | %s us | %.2f / %.2f / %.2f (achieved %.0f req/s) | %s | %d |\n",
                    label, rps, ratio, cpu, ms(p50), ms(p90), ms(p99), ach, added, e1 + e2 + e3
            }'
    done
}
