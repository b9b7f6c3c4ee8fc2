#!/usr/bin/env bash
# Measures the fleet simulator's throughput targets (docs/benchmarks.md, "Simulator throughput").
# One simulation thread per run (--threads 1); run from the project root after
#   ./mvnw -B -pl fleet-sim -am package -DskipTests
# Usage: fleet-sim/scripts/throughput.sh [TRACES_DIR]   (default: ../shared/traces)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
traces="${1:-${INFERSCALE_TRACES_DIR:-$root/../shared/traces}}"
jar="$root/fleet-sim/target/fleet-sim-0.1.0-SNAPSHOT-exec.jar"
[[ -f "$jar" ]] || { echo "build first: $jar is missing" >&2; exit 2; }
[[ -d "$traces" ]] || { echo "no traces at $traces" >&2; exit 2; }

bench() {
    echo "== $*"
    /usr/bin/time -f "wall %e s, cpu %U s user" java -jar "$jar" --threads 1 "$@" | tail -n 1
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Simple mode, and one lb x autoscaler pair over the whole 28-day NASA trace at x100 (~189M requests).
bench --trace "$traces/nasa_http_1995/nasa_http_1995_07_per_minute.csv" --scale 100 --lb p2c --autoscaler static
bench --trace "$traces/nasa_http_1995/nasa_http_1995_07_per_minute.csv" --scale 100 --lb p2c --autoscaler hpa
# LLM mode: the short request-level traces replayed 50 times back to back.
bench --trace "$traces/azure_llm_2023/AzureLLMInferenceTrace_conv.csv" --fleet 4x1.0,4x0.5 --lb p2c --repeat 50
bench --trace "$traces/mooncake_fast25/conversation_trace_first40min.jsonl" --fleet 4x1.0,4x0.5 --lb p2c --repeat 50
