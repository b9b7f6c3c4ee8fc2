#!/usr/bin/env bash
# Make sure a local PostgreSQL answers on 127.0.0.1:5432 and that the InferScale role and databases
# exist. Idempotent; used by `bin/inferscale up` and by `.ci/run`.
#
#   - PostgreSQL not installed          -> apt-get install postgresql (Debian/Ubuntu, needs root)
#   - installed but not answering       -> pg_ctlcluster --skip-systemctl-redirect <version> main start
#   - role `inferscale` (LOGIN CREATEDB, no password: trust auth on 127.0.0.1)
#   - databases `inferscale` and `inferscale_test` owned by `inferscale`
#
# Environment: PGHOST_CHECK (default 127.0.0.1), PGPORT (default 5432),
#              INFERSCALE_DB_USER (inferscale), INFERSCALE_DB_NAMES ("inferscale inferscale_test"),
#              INFERSCALE_FRESH_DBS (none): databases dropped first (sessions still connected are
#              terminated and listed), so they start empty; CI uses it for inferscale_test.
set -euo pipefail

PG_HOST="${PGHOST_CHECK:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
DB_ROLE="${INFERSCALE_DB_USER:-inferscale}"
DB_NAMES="${INFERSCALE_DB_NAMES:-inferscale inferscale_test}"

say() { printf '[postgres] %s\n' "$*"; }
fail() {
    printf '[postgres] error: %s\n' "$*" >&2
    exit 1
}

# Run a command as root (directly, or through sudo when not root).
as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        fail "need root for: $* (run as root or install sudo)"
    fi
}

# psql as the postgres superuser: over the Unix socket as the postgres OS user (peer/trust), else TCP.
pg_super() {
    if [[ $EUID -eq 0 ]] && id postgres >/dev/null 2>&1; then
        (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
    elif [[ $EUID -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        (cd / && sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
    else
        psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres "$@"
    fi
}

pg_ready() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }

installed_version() {
    [[ -d /etc/postgresql ]] || return 0
    find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n1
}

install_postgres() {
    command -v apt-get >/dev/null 2>&1 || fail "PostgreSQL is not installed and apt-get is not available"
    say "PostgreSQL not installed: apt-get install postgresql"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
}

start_postgres() {
    local version="$1"
    if [[ ! -d "/etc/postgresql/$version/main" ]]; then
        say "creating cluster $version/main"
        as_root pg_createcluster "$version" main
    fi
    say "starting cluster $version/main"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    local i
    for ((i = 0; i < 60; i++)); do
        pg_ready && return 0
        sleep 0.5
    done
    fail "PostgreSQL $version/main did not answer on $PG_HOST:$PG_PORT within 30 s (see /var/log/postgresql/)"
}

# Services connect over TCP with an empty password: make sure the role may do so (trust) on loopback.
ensure_trust_auth() {
    local hba
    hba="$(pg_super -d postgres -At -c 'SHOW hba_file')"
    [[ -n "$hba" ]] || return 0
    if PGPASSWORD='' psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U "$DB_ROLE" -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
        return 0
    fi
    say "allowing trust auth for role $DB_ROLE on loopback in $hba"
    local tmp
    tmp="$(mktemp)"
    {
        echo "# added by InferScale bin/lib/ensure-postgres.sh (local development only)"
        echo "host    all    $DB_ROLE    127.0.0.1/32    trust"
        echo "host    all    $DB_ROLE    ::1/128         trust"
        as_root cat "$hba"
    } >"$tmp"
    as_root cp "$tmp" "$hba"
    rm -f "$tmp"
    pg_super -d postgres -c 'SELECT pg_reload_conf()' >/dev/null
    sleep 0.5
}

# CI starts from an empty test database: leftover rows, or a session a killed build left holding a
# lock, must not decide whether (or how long) the tests run.
drop_fresh_databases() {
    local db
    for db in ${INFERSCALE_FRESH_DBS:-}; do
        pg_super -d postgres -At -F ' ' -c \
            "SELECT 'terminating session', pid, state, now() - xact_start FROM pg_stat_activity WHERE datname = '$db'" |
            sed 's/^/[postgres] /'
        say "dropping database $db (fresh start)"
        pg_super -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    done
}

ensure_role_and_databases() {
    pg_super -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '$DB_ROLE') THEN
    CREATE ROLE "$DB_ROLE" LOGIN CREATEDB;
  ELSE
    ALTER ROLE "$DB_ROLE" LOGIN CREATEDB;
  END IF;
END
\$\$;
SQL
    local db
    for db in $DB_NAMES; do
        pg_super -d postgres <<SQL
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$DB_ROLE')
 WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = '$db')
\gexec
ALTER DATABASE "$db" OWNER TO "$DB_ROLE";
SQL
    done
}

main() {
    if ! pg_ready; then
        local version
        version="$(installed_version)"
        if [[ -z "$version" ]] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
            install_postgres
            version="$(installed_version)"
            [[ -n "$version" ]] || fail "postgresql installed but /etc/postgresql is empty"
        fi
        pg_ready || start_postgres "$version"
    fi
    drop_fresh_databases
    ensure_role_and_databases
    ensure_trust_auth
    # Final check exactly as the services connect.
    local db
    for db in $DB_NAMES; do
        psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U "$DB_ROLE" -d "$db" -At -c 'SELECT 1' >/dev/null ||
            fail "cannot connect as $DB_ROLE to $db on $PG_HOST:$PG_PORT"
    done
    say "ready: $PG_HOST:$PG_PORT, role $DB_ROLE, databases: $DB_NAMES"
}

main "$@"
