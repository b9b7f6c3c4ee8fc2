# shellcheck shell=bash
# shellcheck disable=SC2034  # variables used by the files that source this one
# Common helpers for bin/inferscale: paths, messages, pid files, ports, process control.
# Sourced, never executed. Expects INFERSCALE_ROOT to be set to the repository root.

: "${INFERSCALE_ROOT:?INFERSCALE_ROOT must be set before sourcing common.sh}"

VAR_DIR="$INFERSCALE_ROOT/var"
LOG_DIR="$VAR_DIR/log"
RUN_DIR="$VAR_DIR/run"
LOCAL_DIR="$VAR_DIR/local"

# Marker put on the command line of every JVM started by bin/inferscale, so that a pid read from a pid
# file is only trusted (and only ever signalled) when it is really our process from THIS checkout.
MARKER_HOME="-Dinferscale.home=$INFERSCALE_ROOT"

if [[ -t 1 ]]; then
    C_RED=$'\e[31m' C_GREEN=$'\e[32m' C_YELLOW=$'\e[33m' C_BOLD=$'\e[1m' C_RESET=$'\e[0m'
else
    C_RED='' C_GREEN='' C_YELLOW='' C_BOLD='' C_RESET=''
fi

info() { printf '%s\n' "$*"; }
ok() { printf '%s%s%s\n' "$C_GREEN" "$*" "$C_RESET"; }
warn() { printf '%swarning:%s %s\n' "$C_YELLOW" "$C_RESET" "$*" >&2; }
err() { printf '%serror:%s %s\n' "$C_RED" "$C_RESET" "$*" >&2; }
die() {
    err "$*"
    exit 1
}

now_ms() { date +%s%3N; }

# Seconds with one decimal between two now_ms values.
elapsed_s() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

ensure_var_dirs() {
    mkdir -p "$LOG_DIR" "$RUN_DIR" "$LOCAL_DIR"
    chmod 700 "$LOCAL_DIR"
}

pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# True if PID is alive and was started by bin/inferscale as NAME from this checkout.
is_our_process() {
    local pid="$1" name="$2" cmdline
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 1
    [[ "$cmdline" == *"-Dinferscale.service=$name "* && "$cmdline" == *"$MARKER_HOME "* ]]
}

# Prints the pid of NAME if it is running (per its pid file), else nothing; returns 1 when not running.
running_pid() {
    local name="$1" f pid
    f="$(pid_file "$name")"
    [[ -f "$f" ]] || return 1
    pid="$(<"$f")"
    if is_our_process "$pid" "$name"; then
        printf '%s' "$pid"
        return 0
    fi
    return 1
}

# "PID NAME" for every live process started by bin/inferscale from this checkout (one scan of /proc).
marked_processes() {
    local f pid name
    local -a files=()
    # -F: fixed string; -a: cmdline is NUL-separated binary; -l: file names only; -s: vanished pids.
    mapfile -t files < <(grep -lsaF -- "$MARKER_HOME" /proc/[0-9]*/cmdline 2>/dev/null || true)
    for f in "${files[@]}"; do
        pid="${f#/proc/}"
        pid="${pid%/cmdline}"
        # The marker must be a whole argument (this also skips the grep above, which has it as a pattern).
        name="$( (tr '\0' '\n' <"$f" 2>/dev/null || true) |
            awk -v home="$MARKER_HOME" '$0 == home { h = 1 } /^-Dinferscale.service=/ && !s { s = substr($0, 22) }
                END { if (h && s != "") print s }')"
        [[ -n "$name" ]] && printf '%s %s\n' "$pid" "$name"
    done
    return 0
}

# True if something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Pid listening on PORT (needs ss from iproute2; empty if unknown).
port_owner() {
    command -v ss >/dev/null 2>&1 || return 0
    ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2
}

# HTTP status code of GET URL (000 when nothing answers).
http_status() {
    curl -s -o /dev/null -m "${2:-2}" -w '%{http_code}' "$1" 2>/dev/null || true
}

# VmRSS of PID in MB (integer), or empty.
rss_mb() {
    awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || true
}

# Start a detached process NAME (own session, so Ctrl-C on `up` does not hit it; stdout+stderr to its
# log, the previous log kept as NAME.log.1). The pid is written by the process itself before exec, so
# it is the JVM's pid. Usage: spawn NAME COMMAND [ARGS...]; environment is inherited.
spawn() {
    local name="$1"
    shift
    local log pidf
    log="$(log_file "$name")"
    pidf="$(pid_file "$name")"
    [[ -f "$log" ]] && mv -f "$log" "$log.1"
    rm -f "$pidf"
    (
        cd "$INFERSCALE_ROOT" || exit 1
        # shellcheck disable=SC2016  # $$ and $@ expand in the child shell
        exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@" </dev/null >"$log" 2>&1
    ) &
    local i
    for ((i = 0; i < 50; i++)); do
        [[ -s "$pidf" ]] && return 0
        sleep 0.1
    done
    err "$name: no pid file after 5 s"
    return 1
}

# True if PID exists and is not a zombie (a dead child not yet reaped by its new parent).
alive() {
    local stat
    kill -0 "$1" 2>/dev/null || return 1
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat:0:1}" != Z ]]
}

# Wait until PID is gone, up to SECONDS; returns 1 if still alive.
wait_gone() {
    local pid="$1" secs="$2" i
    for ((i = 0; i < secs * 10; i++)); do
        alive "$pid" || return 0
        sleep 0.1
    done
    ! alive "$pid"
}

# Stop NAMEs in parallel: SIGTERM to each, wait up to $INFERSCALE_STOP_TIMEOUT s (default 20) for all, then SIGKILL what is
# left. Also catches marked orphans whose pid file is lost. Removes the pid files.
stop_group() {
    local -a pids=() names=()
    local name pid marked
    marked="$(marked_processes)"
    for name in "$@"; do
        if pid="$(running_pid "$name")"; then
            pids+=("$pid")
            names+=("$name")
        fi
        local -a extra=()
        mapfile -t extra < <(awk -v n="$name" '$2 == n { print $1 }' <<<"$marked")
        for pid in "${extra[@]}"; do
            [[ " ${pids[*]} " == *" $pid "* ]] && continue
            pids+=("$pid")
            names+=("$name")
        done
    done
    local i
    for i in "${!pids[@]}"; do
        info "stopping ${names[$i]} (pid ${pids[$i]})"
        kill -TERM "${pids[$i]}" 2>/dev/null || true
    done
    local deadline=$((SECONDS + ${INFERSCALE_STOP_TIMEOUT:-20}))
    for i in "${!pids[@]}"; do
        local left=$((deadline - SECONDS))
        ((left < 1)) && left=1
        if ! wait_gone "${pids[$i]}" "$left"; then
            warn "${names[$i]} (pid ${pids[$i]}) did not stop within ${INFERSCALE_STOP_TIMEOUT:-20} s: SIGKILL"
            kill -KILL "${pids[$i]}" 2>/dev/null || true
            wait_gone "${pids[$i]}" 5 || err "${names[$i]} (pid ${pids[$i]}) survives SIGKILL"
        fi
    done
    for name in "$@"; do
        rm -f "$(pid_file "$name")"
    done
}

# Print the last N lines of a log with a header.
show_log_tail() {
    local name="$1" n="${2:-30}" log
    log="$(log_file "$name")"
    if [[ -f "$log" ]]; then
        err "last $n lines of $log:"
        tail -n "$n" "$log" | sed 's/^/    /' >&2
    else
        err "no log at $log"
    fi
}
