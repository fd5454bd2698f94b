#!/usr/bin/env bash
#
# A single-node OpenSearch 2.19 on 127.0.0.1:$SEARCH_PORT, run from Maven
# Central jars (TeilhabeSearchNode.java); needs Java 17, Maven and curl.
#
# Usage: services/opensearch/run.sh [--background | --stop]
#   (none)         build if needed, then run in the foreground (Ctrl-C stops it)
#   --background   build if needed, start detached and wait until the cluster
#                  is yellow; pid and log in var/opensearch/ (repo root)
#   --stop         stop the node that --background started
#   -h, --help     show this help
#
# Environment:
#   SEARCH_PORT           HTTP port (default 9200); the transport port is the
#                         first free one of 9300-9399 (SEARCH_TRANSPORT_PORT)
#   SEARCH_HOME           home/data/logs (default ${TMPDIR:-/tmp}/teilhabe-opensearch-PORT);
#                         indices survive restarts, delete it to start empty
#   SEARCH_START_TIMEOUT  seconds --background waits for the node (default 120)
#   SEARCH_HEAP           JVM heap (default 512m)
#
# The first build downloads about 75 MB (jars and Maven plugins) into ~/.m2.

set -euo pipefail

# Prints the comment block above (line 3 up to the first blank line).
usage() { sed -n '3,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -- "${HERE}/../.." && pwd -P)

: "${SEARCH_PORT:=9200}"
: "${SEARCH_HOME:=${TMPDIR:-/tmp}/teilhabe-opensearch-${SEARCH_PORT}}"
: "${SEARCH_START_TIMEOUT:=120}"
: "${SEARCH_HEAP:=512m}"
export SEARCH_PORT SEARCH_HOME

RUN_DIR="${REPO_ROOT}/var/opensearch"
PID_FILE="${RUN_DIR}/opensearch-${SEARCH_PORT}.pid"
LOG_FILE="${RUN_DIR}/opensearch-${SEARCH_PORT}.log"
HEALTH_URL="http://127.0.0.1:${SEARCH_PORT}/_cluster/health?wait_for_status=yellow&timeout=1s"
MAIN_CLASS=org.teilhabe.search.TeilhabeSearchNode

log() { printf '[opensearch] %s\n' "$*" >&2; }

die() {
  printf '[opensearch] ERROR: %s\n' "$*" >&2
  exit 1
}

# mvn package once; again only when pom.xml or a source file changed since.
build() {
  local stamp="${HERE}/target/.built"
  if [[ -f $stamp && -d ${HERE}/target/lib ]] &&
    [[ -z $(find "${HERE}/pom.xml" "${HERE}/src" -newer "$stamp" -print -quit) ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (Debian: apt-get install maven)"
  log "building the launcher (mvn package; the first build downloads the jars)"
  # Output to a file: Debian's Maven 3.8.7 prints stray colour codes even with -q -B.
  mkdir -p "$RUN_DIR"
  if ! (cd -- "$HERE" && mvn -q -B package) >"${RUN_DIR}/build.log" 2>&1; then
    tail -n 40 "${RUN_DIR}/build.log" >&2
    die "mvn package failed (full output: ${RUN_DIR}/build.log)"
  fi
  touch "$stamp"
}

# The java command line; the -D options are those the OpenSearch 2.x launcher sets.
java_command() {
  command -v java >/dev/null || die "java not found (Java 17: apt-get install openjdk-17-jdk-headless)"
  JAVA_CMD=(
    java -Xms"${SEARCH_HEAP}" -Xmx"${SEARCH_HEAP}"
    -XX:+ExitOnOutOfMemoryError       # die visibly rather than limp on
    -Dfile.encoding=UTF-8 -Djava.awt.headless=true -Djna.nosys=true
    "-Djava.locale.providers=SPI,COMPAT" # 2.x date parsing; SPI loads IsoCalendarDataProvider
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true
    -Dio.netty.recycler.maxCapacityPerThread=0 -Dio.netty.allocator.numDirectArenas=0
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true # node logs until it is closed
    -cp "${HERE}/target/classes:${HERE}/target/lib/*"
    "$MAIN_CLASS"
  )
}

healthy() {
  curl -fsS --max-time 5 "$HEALTH_URL" >/dev/null 2>&1
}

# The pid in PID_FILE if that process is still our node (not a reused pid).
running_pid() {
  local pid
  [[ -r $PID_FILE ]] || return 1
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS" || return 1
  echo "$pid"
}

show_log_tail() {
  if [[ -r $LOG_FILE ]]; then
    log "last lines of ${LOG_FILE}:"
    tail -n 40 "$LOG_FILE" >&2 || true
  fi
}

start_background() {
  command -v curl >/dev/null || die "curl not found (needed to wait for the node)"
  if healthy; then
    log "already answering on 127.0.0.1:${SEARCH_PORT}"
    return 0
  fi
  mkdir -p "$RUN_DIR"
  local pid
  if ! pid=$(running_pid); then
    build
    java_command
    log "starting on 127.0.0.1:${SEARCH_PORT} (data in ${SEARCH_HOME}, log in ${LOG_FILE})"
    # setsid: its own session, so a Ctrl-C in the calling terminal does not reach it.
    # No inherited stdin/stdout: callers reading our output are not kept waiting.
    setsid "${JAVA_CMD[@]}" </dev/null >"$LOG_FILE" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
  else
    log "pid ${pid} is starting; waiting for it"
  fi

  local deadline=$((SECONDS + SEARCH_START_TIMEOUT))
  until healthy; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      show_log_tail
      die "the node exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail
      die "not healthy (yellow) on 127.0.0.1:${SEARCH_PORT} after ${SEARCH_START_TIMEOUT}s; pid ${pid} left running (run.sh --stop)"
    fi
    sleep 1
  done
  log "up on http://127.0.0.1:${SEARCH_PORT} (pid ${pid})"
}

stop_background() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    log "not running (no live pid in ${PID_FILE})"
    return 0
  fi
  log "stopping pid ${pid}"
  kill -TERM "$pid"
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "still running after 30s; killing pid ${pid}"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  rm -f "$PID_FILE"
  log "stopped"
}

case ${1:-} in
  --background) start_background ;;
  --stop) stop_background ;;
  -h | --help) usage ;;
  '')
    build
    java_command
    exec "${JAVA_CMD[@]}"
    ;;
  *)
    usage >&2
    die "unknown argument: $1"
    ;;
esac
