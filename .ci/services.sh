# shellcheck shell=bash
#
# Service helpers for the CI entry script (.ci/run). Sourced, not executed.
#
# Every backing service (PostgreSQL, Redis, OpenSearch) follows the same pattern:
#
#   require_<svc>_packages   register the apt packages the service needs
#   start_<svc>              start it unless it already answers; wait until ready
#   provision_<svc>          (optional) create users/databases/indices
#   describe_<svc>           one header line with the version actually in use
#
# Everything here must be idempotent: CI machines are fresh, but developers and
# retried jobs run it again on a machine where the services are already up.
#
# The CI machine has no systemd as PID 1, so services are started directly
# (pg_ctlcluster, redis-server --daemonize, services/opensearch/run.sh
# --background) rather than via systemctl/service.

# --- configuration (env-overridable, defaults match the CI contract) ---------

: "${PG_VERSION:=15}"          # Debian 12's `postgresql` package = v15
: "${PG_CLUSTER:=main}"
: "${PG_HOST:=127.0.0.1}"
: "${PG_PORT:=5432}"
: "${PG_DB:=teilhabe}"
: "${PG_USER:=teilhabe}"
: "${PG_PASSWORD:=teilhabe}"
: "${PG_START_TIMEOUT:=60}"    # seconds

: "${REDIS_HOST:=127.0.0.1}"
: "${REDIS_PORT:=6379}"
: "${REDIS_START_TIMEOUT:=30}" # seconds

: "${SEARCH_HOST:=127.0.0.1}"    # services/opensearch/run.sh binds to 127.0.0.1 only
: "${SEARCH_PORT:=9200}"
: "${SEARCH_START_TIMEOUT:=120}" # seconds after the (first-run) Maven build

# runuser/pg_* helpers live in sbin or a versioned dir that a minimal CI PATH
# may not contain.
PATH="${PATH}:/usr/sbin:/sbin:/usr/lib/postgresql/${PG_VERSION}/bin"

# --- generic helpers ----------------------------------------------------------

log() { printf '[ci] %s\n' "$*" >&2; }

die() {
  printf '[ci] ERROR: %s\n' "$*" >&2
  exit 1
}

# wait_until <description> <timeout-seconds> <command...>
# Polls <command> (quietly) every half second until it succeeds or time runs out.
wait_until() {
  local what=$1 timeout=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${timeout}s waiting for ${what}"
      return 1
    fi
    sleep 0.5
  done
}

# "started by this run" / "was already running", for the header lines.
start_label() {
  if [[ ${1:-no} == yes ]]; then echo 'started by this run'; else echo 'was already running'; fi
}

# Print the last lines of a log file (if readable) to help debug a failed start.
show_log_tail() {
  local file=$1
  if [[ -r $file ]]; then
    log "last lines of ${file}:"
    tail -n 30 "$file" >&2 || true
  fi
}

# --- apt packages ---------------------------------------------------------------
#
# Packages are collected first and installed in one go, so that `apt-get update`
# (the slow part) runs at most once - and not at all when nothing is missing.

MISSING_PKGS=()

# require_pkg <package> <probe command...>
# Registers <package> for installation if <probe> fails. Probing for the file we
# actually need is cheaper and more robust than asking dpkg (e.g. `postgresql`
# is only a metapackage; what matters is that the v15 server binary exists).
require_pkg() {
  local pkg=$1
  shift
  if ! "$@" >/dev/null 2>&1; then
    MISSING_PKGS+=("$pkg")
  fi
}

install_missing_packages() {
  if ((${#MISSING_PKGS[@]} == 0)); then
    log "all required apt packages already installed"
    return 0
  fi
  log "installing missing apt packages: ${MISSING_PKGS[*]}"
  # LANG/LC_ALL: postgresql's postinst runs initdb with the caller's locale. A
  # CI-provided locale that is not generated makes initdb fail, and plain "C"
  # would give a SQL_ASCII cluster; C.UTF-8 is always available and gives UTF8.
  # --no-install-recommends: saves time; nothing recommended is needed here.
  # </dev/null: CI has no stdin; make sure nothing can ever wait for input.
  export DEBIAN_FRONTEND=noninteractive
  LANG=C.UTF-8 LC_ALL=C.UTF-8 apt-get update -q </dev/null
  LANG=C.UTF-8 LC_ALL=C.UTF-8 apt-get install -y -q --no-install-recommends \
    -o Dpkg::Use-Pty=0 "${MISSING_PKGS[@]}" </dev/null
}

# Tools used by the test run itself rather than by a particular service.
require_tool_packages() {
  require_pkg gettext command -v msgfmt # xgettext/msgfmt for the catalogue checks in tests/test_catalogues.py; .mo files are compiled in pure Python
  require_pkg make command -v make      # `make test` is the entry point
  # Headless browser tests (right-to-left layout) use Debian's Chromium, never a downloaded
  # one; Noto gives it Arabic and Persian glyphs for the screenshots.
  require_pkg chromium test -x /usr/bin/chromium
  require_pkg fonts-noto-core test -d /usr/share/fonts/truetype/noto
}

# --- PostgreSQL -----------------------------------------------------------------

PG_CTL_CONF_DIR="/etc/postgresql/${PG_VERSION}/${PG_CLUSTER}"
PG_LOG_FILE="/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log"
PG_SOCKET_DIR=/var/run/postgresql

require_postgres_packages() {
  # postgresql-client (psql, pg_isready) is a dependency of the server package.
  require_pkg postgresql test -x "/usr/lib/postgresql/${PG_VERSION}/bin/postgres"
}

# Answers on the TCP address the app uses (not just the unix socket).
pg_tcp_ready() {
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
}

# psql as the postgres superuser over the local socket (peer auth), so this
# works before our role exists. -X: ignore any ~/.psqlrc.
pg_superuser_psql() {
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 \
    -h "$PG_SOCKET_DIR" -p "$PG_PORT" -d postgres "$@"
}

start_postgres() {
  PG_STARTED_BY_US=no
  if pg_tcp_ready; then
    log "postgres already accepting connections on ${PG_HOST}:${PG_PORT}"
    return 0
  fi

  # The package normally creates the cluster on install, but images built with
  # create_main_cluster=false (or a failed initdb) have none.
  if [[ ! -f ${PG_CTL_CONF_DIR}/postgresql.conf ]]; then
    log "creating postgres cluster ${PG_VERSION}/${PG_CLUSTER}"
    pg_createcluster --locale C.UTF-8 --port "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER"
  fi

  # /run may be a fresh tmpfs without the socket dir that the package's init
  # integration would normally create; postgres refuses to start without it.
  install -d -o postgres -g postgres -m 2775 "$PG_SOCKET_DIR"

  local port
  port=$(pg_lsclusters --no-header | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $3 }')
  [[ $port == "$PG_PORT" ]] ||
    die "postgres cluster ${PG_VERSION}/${PG_CLUSTER} is configured for port '${port}', expected ${PG_PORT}"

  # `status` exits 0 when running: then it is up but not (yet) answering on TCP,
  # and starting it again would fail - just wait below.
  if pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
    log "postgres ${PG_VERSION}/${PG_CLUSTER} is running; waiting for it to accept connections"
  else
    log "starting postgres ${PG_VERSION}/${PG_CLUSTER}"
    if ! pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start; then
      show_log_tail "$PG_LOG_FILE"
      die "pg_ctlcluster ${PG_VERSION} ${PG_CLUSTER} start failed"
    fi
    PG_STARTED_BY_US=yes
  fi

  if ! wait_until "postgres on ${PG_HOST}:${PG_PORT}" "$PG_START_TIMEOUT" pg_tcp_ready; then
    show_log_tail "$PG_LOG_FILE"
    die "postgres is not accepting connections on ${PG_HOST}:${PG_PORT} (listen_addresses must include ${PG_HOST})"
  fi
  log "postgres is accepting connections on ${PG_HOST}:${PG_PORT}"
}

# Role with LOGIN + CREATEDB (the test runner creates test_<db>) and a UTF8
# database owned by it. Safe to repeat: the role's password and attributes are
# re-asserted every time, so a pre-existing role with other settings is fixed.
provision_postgres() {
  log "ensuring postgres role '${PG_USER}' and database '${PG_DB}'"
  # psql variables (:'x' literal, :"x" identifier) do the quoting for us.
  # \gexec runs the generated statement only when the SELECT returns a row,
  # which gives "CREATE ... IF NOT EXISTS" for roles and databases.
  # TEMPLATE template0 + explicit encoding: UTF8 even if template1 is not.
  pg_superuser_psql -v user="$PG_USER" -v password="$PG_PASSWORD" -v db="$PG_DB" <<'SQL'
SELECT format('CREATE ROLE %I', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user')
\gexec
ALTER ROLE :"user" WITH LOGIN CREATEDB PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L LC_COLLATE %L LC_CTYPE %L TEMPLATE template0',
              :'db', :'user', 'UTF8', 'C.UTF-8', 'C.UTF-8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')
\gexec
ALTER DATABASE :"db" OWNER TO :"user";
SQL

  # Prove the exact thing the app will do: password auth over TCP. This fails
  # if pg_hba.conf does not allow md5/scram from 127.0.0.1 (Debian's default does).
  if ! PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -At \
    -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -c 'SELECT 1' >/dev/null; then
    log "pg_hba rules in effect:"
    pg_superuser_psql -c "SELECT type, database, user_name, address, auth_method FROM pg_hba_file_rules" >&2 || true
    die "cannot log in as '${PG_USER}' to '${PG_DB}' with a password over TCP at ${PG_HOST}:${PG_PORT}"
  fi

  # Django's test database is created from template1, so it inherits the
  # cluster's encoding; warn (not fail) if that is not UTF8.
  local template_encoding
  template_encoding=$(pg_superuser_psql -At -c \
    "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'template1'")
  if [[ $template_encoding != UTF8 ]]; then
    log "WARNING: template1 encoding is ${template_encoding}, test databases will not be UTF8"
  fi
}

describe_postgres() {
  local version
  version=$(PGPASSWORD=$PG_PASSWORD psql -X -At -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
    -d "$PG_DB" -c 'SHOW server_version')
  printf 'postgres  %s at %s:%s (cluster %s/%s, %s)\n' \
    "$version" "$PG_HOST" "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" "$(start_label "${PG_STARTED_BY_US:-}")"
}

# --- Redis -----------------------------------------------------------------------

REDIS_DIR=/var/lib/redis
REDIS_LOG_FILE=/var/log/redis/redis-server-ci.log

require_redis_packages() {
  require_pkg redis-server command -v redis-server
  require_pkg redis-tools command -v redis-cli # normally pulled in by redis-server
}

# redis-cli waits forever for a reply, e.g. if something else holds the port
# and accepts but never answers; `timeout` keeps the readiness wait bounded.
redis_cli() {
  timeout 5 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"
}

redis_ready() {
  [[ $(redis_cli ping 2>/dev/null) == PONG ]]
}

start_redis() {
  REDIS_STARTED_BY_US=no
  if redis_ready; then
    log "redis already answering on ${REDIS_HOST}:${REDIS_PORT}"
    return 0
  fi

  log "starting redis on ${REDIS_HOST}:${REDIS_PORT}"
  install -d "$REDIS_DIR" "$(dirname "$REDIS_LOG_FILE")"
  # --dir: otherwise redis writes dump.rdb into the current directory (the repo).
  # --save ''/--appendonly no: a throwaway CI cache needs no persistence.
  # --logfile: with --daemonize, bind errors etc. happen after the fork and
  #   would otherwise be invisible; we show this file if it never answers.
  redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" \
    --dir "$REDIS_DIR" --save '' --appendonly no --logfile "$REDIS_LOG_FILE" ||
    die "redis-server failed to start"
  REDIS_STARTED_BY_US=yes

  if ! wait_until "redis on ${REDIS_HOST}:${REDIS_PORT}" "$REDIS_START_TIMEOUT" redis_ready; then
    show_log_tail "$REDIS_LOG_FILE"
    die "redis is not answering PING on ${REDIS_HOST}:${REDIS_PORT}"
  fi
  log "redis is answering on ${REDIS_HOST}:${REDIS_PORT}"
}

describe_redis() {
  local version
  version=$(redis_cli info server |
    sed -n 's/^redis_version:\([^[:space:]]*\).*/\1/p')
  printf 'redis     %s at %s:%s (%s)\n' \
    "$version" "$REDIS_HOST" "$REDIS_PORT" "$(start_label "${REDIS_STARTED_BY_US:-}")"
}

# --- OpenSearch ------------------------------------------------------------------
#
# There is no OpenSearch apt package and no container engine: services/opensearch
# builds a small launcher with Maven (OpenSearch 2.19 jars from Maven Central into
# ~/.m2, about 75 MB on the first run) and run.sh --background starts it with a
# 512 MB heap; pid and log in var/opensearch/, data in ${TMPDIR:-/tmp}.

SEARCH_RUN_SCRIPT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)/services/opensearch/run.sh"

# OpenSearch 2.19 needs Java 11+; the launcher is compiled for 17.
javac_17_or_newer() {
  local version
  version=$(javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p')
  [[ -n $version ]] && ((version >= 17))
}

require_opensearch_packages() {
  require_pkg openjdk-17-jdk-headless javac_17_or_newer
  require_pkg maven command -v mvn
  require_pkg curl command -v curl # run.sh waits on the health endpoint with it
}

# GET <path> on the node; --max-time: a port that accepts but never answers cannot hang us.
search_get() {
  curl -fsS --max-time 10 "http://${SEARCH_HOST}:${SEARCH_PORT}$1"
}

# A single node is "yellow" when healthy (replicas cannot be assigned).
opensearch_ready() {
  search_get '/_cluster/health?wait_for_status=yellow&timeout=1s'
}

start_opensearch() {
  SEARCH_STARTED_BY_US=no
  if opensearch_ready >/dev/null 2>&1; then
    log "opensearch already answering on ${SEARCH_HOST}:${SEARCH_PORT}"
    return 0
  fi
  log "starting opensearch on ${SEARCH_HOST}:${SEARCH_PORT} (building its launcher with Maven first if needed)"
  # run.sh waits until the cluster is yellow and shows its log tail if not.
  SEARCH_PORT=$SEARCH_PORT SEARCH_START_TIMEOUT=$SEARCH_START_TIMEOUT \
    bash "$SEARCH_RUN_SCRIPT" --background || die "opensearch did not start (log: var/opensearch/)"
  SEARCH_STARTED_BY_US=yes
  log "opensearch is answering on ${SEARCH_HOST}:${SEARCH_PORT}"
}

describe_opensearch() {
  local version status
  # GET / is pretty-printed: "number" : "2.19.6"
  version=$(search_get / | sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p')
  status=$(opensearch_ready | sed -n 's/.*"status" *: *"\([^"]*\)".*/\1/p')
  printf 'opensearch %s at %s:%s (cluster %s, %s)\n' \
    "$version" "$SEARCH_HOST" "$SEARCH_PORT" "$status" "$(start_label "${SEARCH_STARTED_BY_US:-}")"
}

# --- tools -----------------------------------------------------------------------

describe_tools() {
  printf 'gettext   %s\n' "$(msgfmt --version | sed -n '1s/.* //p')"
  printf 'chromium  %s\n' "$(/usr/bin/chromium --version 2>/dev/null | sed -n '1s/^Chromium //p')"
}
