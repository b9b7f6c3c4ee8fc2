#!/usr/bin/env bash
# Measures forecast-service's resident memory while it trains on 21 days of NASA per-minute demand.
#
# Starts the service's exec jar with the JVM flags bin/inferscale gives it, loads NASA July 1995 days 1-21 into its
# demand history (shifted by whole weeks so that weekdays and times of day stay as they were and the data ends within
# the last week), lets the schedule run the first training round (baselines + the default DNN, backtest on the last
# 2 days), asks for more rounds through the API (ROUNDS in all, default 5), and samples VmRSS every half second. Prints the samples' maximum,
# the kernel's peak (VmHWM) and each round's time and decision.
#
# Needs: PostgreSQL with an empty database (drop and create it between runs) the inferscale role owns (DB_URL), a Kafka broker (KAFKA_BOOTSTRAP_SERVERS),
# the exec jar and the unpacked TensorFlow libraries (./mvnw -pl forecast-service -am package -DskipTests), psql.
# Usage: KAFKA_BOOTSTRAP_SERVERS=localhost:19092 DB_URL=jdbc:postgresql://127.0.0.1:5432/inferscale_fcbench \
#        forecast-service/bench/rss-while-training.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TRACE="${INFERSCALE_TRACES_DIR:-$ROOT/../shared/traces}/nasa_http_1995/nasa_http_1995_07_per_minute.csv"
JAR="$(ls "$ROOT"/forecast-service/target/forecast-service-*-exec.jar)"
OUT="${OUT:-$ROOT/forecast-service/target/rss-bench}"
PORT="${PORT:-18082}"
DB_URL="${DB_URL:?an empty database for the benchmark, e.g. jdbc:postgresql://127.0.0.1:5432/inferscale_fcbench}"
DB_NAME="${DB_URL##*/}"
JAVA_OPTS="${JAVA_OPTS:--Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
psql_db() { psql -h 127.0.0.1 -U "${DB_USER:-inferscale}" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }

rm -rf "$OUT" && mkdir -p "$OUT"
export TENSORFLOW_LIBRARY_PATH="${TENSORFLOW_LIBRARY_PATH:-$ROOT/forecast-service/target/tf-native}"
export DJL_OFFLINE=true DJL_CACHE_DIR="$OUT/djl-cache" TF_CPP_MIN_LOG_LEVEL=1
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --spring.datasource.url="$DB_URL" \
    --spring.kafka.bootstrap-servers="${KAFKA_BOOTSTRAP_SERVERS:?}" \
    --inferscale.forecast.training.artifacts-dir="$OUT/models" \
    --inferscale.forecast.training.check-every=5s \
    --inferscale.forecast.serving.forget-after=8d --inferscale.forecast.serving.publish-every=5s \
    >"$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
( while kill -0 $PID 2>/dev/null; do
      awk -v t="$(date +%s.%N)" '/VmRSS/ {print t, $2}' /proc/$PID/status 2>/dev/null || true
      sleep 0.5
  done ) >"$OUT/rss.txt" &

for _ in $(seq 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
echo "started: RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status) MB"

# Days 1-21 (local midnight 1 July to 22 July), outage rows left out (missing, never zero).
first=804571200; end=$((first + 21 * 86400)); week=604800
shift_s=$(( ($(date +%s) - end) / week * week ))
awk -F, -v a=$first -v b=$end 'NR > 1 && $2 >= a && $2 < b && $4 == 0 {print $2 "," $3}' "$TRACE" >"$OUT/days-1-21.csv"
psql_db <<SQL
CREATE TEMP TABLE nasa (t bigint, requests bigint);
\copy nasa FROM '$OUT/days-1-21.csv' WITH (FORMAT csv)
INSERT INTO forecast.demand_history (model, window_seconds, window_start, arrivals, completions, errors,
    prompt_tokens, output_tokens, in_flight, late_records, event_id)
SELECT 'nasa', 60, to_timestamp(t + $shift_s), requests, requests, 0, 0, 0, 0, 0, gen_random_uuid() FROM nasa;
SQL
echo "loaded $(psql_db -c "SELECT count(*) FROM forecast.demand_history") minutes; RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status) MB"

wait_rounds() {
    for _ in $(seq 600); do
        [[ "$(psql_db -c "SELECT count(*) FROM forecast.training_runs WHERE status IN ('SUCCEEDED','FAILED')")" -ge "$1" ]] && return 0
        sleep 1
    done
    echo "no round finished in 10 minutes" >&2; return 1
}
wait_rounds 1
echo "after round 1: RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status) MB"
for round in $(seq 2 "${ROUNDS:-5}"); do
    curl -sf -X POST "localhost:$PORT/api/v1/forecasts/nasa/train" >/dev/null
    wait_rounds "$round"
    sleep 5   # a forecast on the serving version
    echo "after round $round: RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status) MB"
done
echo "peak (VmHWM): $(awk '/VmHWM/ {print int($2/1024)}' /proc/$PID/status) MB;" \
    "max sampled VmRSS: $(sort -k2 -n "$OUT/rss.txt" | tail -1 | awk '{print int($2/1024)}') MB"
psql_db -F ' | ' -c "SELECT r.id, r.status, round(extract(epoch FROM r.finished_at - r.started_at)::numeric, 1) || ' s',
       r.decision, r.reason FROM forecast.training_runs r ORDER BY r.id"
psql_db -F ' | ' -c "SELECT b.run_id, b.role, b.forecaster, round(b.mase::numeric, 3), round(b.p90_coverage::numeric, 3),
       round(b.fit_seconds::numeric, 1) FROM forecast.backtest_scores b ORDER BY b.run_id, b.mase"
curl -s "localhost:$PORT/api/v1/forecasts/nasa" | head -c 400; echo
