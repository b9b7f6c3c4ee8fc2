# shellcheck shell=bash
# Local single-node Kafka broker (KRaft, broker+controller) for bin/inferscale.
# Jars come from Maven Central through tools/kafka/pom.xml; runtime state lives in var/kafka/.
# Sourced after common.sh.
#
# A second broker (e.g. the one bin/inferscale bench-gateway runs beside a local stack) sets, before sourcing:
# INFERSCALE_KAFKA_PORT / INFERSCALE_KAFKA_CONTROLLER_PORT (default 9092 / 9093), INFERSCALE_KAFKA_STATE_DIR
# (config and data; default var/kafka) and INFERSCALE_KAFKA_NAME (pid file and process marker; default kafka).
# The jars are shared: always var/kafka/libs.

KAFKA_DIR="$VAR_DIR/kafka"
KAFKA_LIBS="$KAFKA_DIR/libs"
KAFKA_STATE_DIR="${INFERSCALE_KAFKA_STATE_DIR:-$KAFKA_DIR}"
KAFKA_DATA="$KAFKA_STATE_DIR/data"
KAFKA_CONFIG_DIR="$KAFKA_STATE_DIR/config"
KAFKA_CONFIG="$KAFKA_CONFIG_DIR/server.properties"
KAFKA_TOOLS_DIR="$INFERSCALE_ROOT/tools/kafka"
KAFKA_PORT="${INFERSCALE_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${INFERSCALE_KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP="localhost:$KAFKA_PORT"
KAFKA_NAME="${INFERSCALE_KAFKA_NAME:-kafka}"
KAFKA_JAVA_OPTS_DEFAULT="-Xmx256m -Xms128m"
# Short-lived CLI tools (format, topics, console producer/consumer): start fast, stay small.
KAFKA_TOOL_JAVA_OPTS="-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"

# Resolve the broker's jars once (skipped when present; `rm -rf var/kafka/libs` to refresh).
kafka_ensure_libs() {
    local stamp="$KAFKA_LIBS/.resolved" want
    want="$(sha256sum "$KAFKA_TOOLS_DIR/pom.xml" | cut -d' ' -f1)"
    if [[ -f "$stamp" && "$(<"$stamp")" == "$want" ]] && compgen -G "$KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null; then
        return 0
    fi
    info "resolving Kafka broker jars into var/kafka/libs (once) ..."
    local tmp="$KAFKA_DIR/libs.tmp"
    rm -rf "$tmp"
    mkdir -p "$KAFKA_DIR"
    if ! "$INFERSCALE_ROOT/mvnw" -B -q -f "$KAFKA_TOOLS_DIR/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$tmp"; then
        rm -rf "$tmp"
        err "could not resolve the Kafka jars (tools/kafka/pom.xml)"
        return 1
    fi
    rm -rf "$KAFKA_LIBS"
    mv "$tmp" "$KAFKA_LIBS"
    printf '%s' "$want" >"$stamp"
    info "Kafka jars: $(find "$KAFKA_LIBS" -name 'kafka_2.13-*.jar' -printf '%f\n')"
}

# Render the config template (data dir must be absolute).
kafka_render_config() {
    mkdir -p "$KAFKA_CONFIG_DIR" "$KAFKA_DATA"
    sed -e "s#@KAFKA_DATA_DIR@#$KAFKA_DATA#g" -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" \
        -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
        "$KAFKA_TOOLS_DIR/server.properties" >"$KAFKA_CONFIG"
}

# java for Kafka CLI tools (quiet logging); usage: kafka_tool MAIN_CLASS ARGS...
kafka_tool() {
    local main="$1"
    shift
    # shellcheck disable=SC2086  # word splitting of the options is intended
    java $KAFKA_TOOL_JAVA_OPTS -Dlog4j2.configurationFile="$KAFKA_TOOLS_DIR/tools-log4j2.xml" \
        -cp "$KAFKA_LIBS/*" "$main" "$@"
}

# A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'
# (the same rules as org.apache.kafka.common.Uuid.randomUuid()).
kafka_new_cluster_id() {
    local id
    while :; do
        id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
        [[ "$id" != -* && "$id" != AAAAAAAAAAAAAAAAAAAAA[AQ] ]] && break
    done
    printf '%s' "$id"
}

# Format the storage once (KRaft needs meta.properties + the bootstrap checkpoint before the first start).
kafka_format_storage() {
    [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
    local id
    id="$(kafka_new_cluster_id)"
    info "formatting Kafka storage (cluster id $id)"
    rm -rf "$KAFKA_DATA"
    mkdir -p "$KAFKA_DATA"
    if ! kafka_tool kafka.tools.StorageTool format --standalone -t "$id" -c "$KAFKA_CONFIG" \
        >>"$(log_file kafka-format)" 2>&1; then
        err "formatting Kafka storage failed"
        show_log_tail kafka-format 30
        return 1
    fi
}

kafka_start() {
    local pid
    if pid="$(running_pid "$KAFKA_NAME")"; then
        info "kafka already running (pid $pid)"
        return 0
    fi
    local p owner
    for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
        if port_open "$p"; then
            owner="$(port_owner "$p")"
            err "port $p is already in use${owner:+ by pid $owner} (not a broker started by bin/inferscale)"
            return 1
        fi
    done
    # Explicit checks: callers run this in `kafka_start || ...`, where set -e does not apply.
    kafka_ensure_libs || return 1
    kafka_render_config || return 1
    kafka_format_storage || return 1
    local opts_var="INFERSCALE_JAVA_OPTS_KAFKA"
    local opts="${!opts_var:-$KAFKA_JAVA_OPTS_DEFAULT}"
    local t0
    t0="$(now_ms)"
    info "starting $KAFKA_NAME on $KAFKA_BOOTSTRAP (controller :$KAFKA_CONTROLLER_PORT)"
    # shellcheck disable=SC2086
    spawn "$KAFKA_NAME" java $opts -Dinferscale.service="$KAFKA_NAME" "$MARKER_HOME" \
        -Dlog4j2.configurationFile="$KAFKA_TOOLS_DIR/log4j2.xml" \
        -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONFIG" || return 1
    STARTED+=("$KAFKA_NAME")
    local timeout="${INFERSCALE_START_TIMEOUT:-120}" log
    log="$(log_file "$KAFKA_NAME")"
    while :; do
        if ! pid="$(running_pid "$KAFKA_NAME")"; then
            err "kafka exited during startup"
            show_log_tail "$KAFKA_NAME" 30
            return 1
        fi
        if port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$log" 2>/dev/null; then
            break
        fi
        if (($(now_ms) - t0 > timeout * 1000)); then
            err "kafka not ready after ${timeout} s (log: $log)"
            show_log_tail "$KAFKA_NAME" 30
            return 1
        fi
        sleep 0.25
    done
    ok "kafka ready in $(elapsed_s "$t0" "$(now_ms)") s (pid $pid, RSS $(rss_mb "$pid") MB)"
}

kafka_stop() {
    stop_group "$KAFKA_NAME"
}

# End-to-end check against the running broker: create a topic, produce one record, consume it back,
# delete the topic.
kafka_check() {
    running_pid "$KAFKA_NAME" >/dev/null || {
        err "kafka is not running (bin/inferscale kafka-up)"
        return 1
    }
    local topic="inferscale-selfcheck-$$-$RANDOM" value got t0
    value="hello-$(date +%s%N)"
    t0="$(now_ms)"
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
        --create --topic "$topic" --partitions 1 --replication-factor 1 >/dev/null || return 1
    printf '%s\n' "$value" | kafka_tool org.apache.kafka.tools.ConsoleProducer \
        --bootstrap-server "$KAFKA_BOOTSTRAP" --topic "$topic" || return 1
    got="$(kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$KAFKA_BOOTSTRAP" \
        --topic "$topic" --from-beginning --max-messages 1 --timeout-ms 30000 2>/dev/null)" || true
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
        --delete --topic "$topic" >/dev/null 2>&1 || warn "could not delete topic $topic"
    if [[ "$got" == "$value" ]]; then
        ok "kafka check passed: produced and consumed '$value' on $topic ($(elapsed_s "$t0" "$(now_ms)") s)"
    else
        err "kafka check failed: expected '$value', got '${got}'"
        return 1
    fi
}
