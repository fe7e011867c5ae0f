#!/usr/bin/env bash
# Starts a single OpenSearch node on 127.0.0.1 for the scale-out equality test (issue 8).
# Idempotent: a node already answering is left alone; the download and unpacking happen once.
#
# OpenSearch refuses to run as root and CI runs as root, so the node runs as an unprivileged
# system user. The integ-test-zip distribution comes from Maven Central (the one registry CI
# reaches); it has no security plugin and no bundled JDK, so it runs on the machine's Java 17.
#
# env: NWATCH_OPENSEARCH_VERSION (2.19.4), NWATCH_OPENSEARCH_HOME (/opt/nwatch-opensearch),
#      NWATCH_OPENSEARCH_PORT (9200), NWATCH_OPENSEARCH_HEAP (512m)
set -euo pipefail

VERSION="${NWATCH_OPENSEARCH_VERSION:-2.19.4}"
HOME_DIR="${NWATCH_OPENSEARCH_HOME:-/opt/nwatch-opensearch}"
PORT="${NWATCH_OPENSEARCH_PORT:-9200}"
HEAP="${NWATCH_OPENSEARCH_HEAP:-512m}"
RUN_USER=nwatch-os
URL="http://127.0.0.1:${PORT}"
DIST="${HOME_DIR}/opensearch-${VERSION}"

log() { echo "setup-opensearch: $*" >&2; }

answering() { curl -fsS -m 2 "${URL}/_cluster/health" >/dev/null 2>&1; }

if answering; then
  log "a node already answers on ${URL}"
  exit 0
fi

need_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }
}
need_tool unzip unzip
need_tool curl curl

mkdir -p "${HOME_DIR}"
if [[ ! -x "${DIST}/bin/opensearch" ]]; then
  log "fetching org.opensearch.distribution.integ-test-zip:opensearch:${VERSION}:zip"
  mvn -B -q -ntp dependency:copy \
    -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:${VERSION}:zip" \
    -DoutputDirectory="${HOME_DIR}/download" >&2
  rm -rf "${DIST}.partial" && mkdir -p "${DIST}.partial"
  unzip -q "${HOME_DIR}/download/opensearch-${VERSION}.zip" -d "${DIST}.partial"
  mv "${DIST}.partial/opensearch-${VERSION}" "${DIST}"
  rm -rf "${DIST}.partial"
fi

if ! id -u "${RUN_USER}" >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin "${RUN_USER}"
fi
mkdir -p "${HOME_DIR}/data" "${HOME_DIR}/logs"
chown -R "${RUN_USER}" "${HOME_DIR}"

JAVA_DIR="${OPENSEARCH_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
log "starting OpenSearch ${VERSION} on ${URL} (heap ${HEAP}, java ${JAVA_DIR})"
# Loopback binding keeps the node in development mode (no production bootstrap checks);
# the disk threshold is off because a shared build machine's disk fill says nothing about the test.
# The daemon's output goes to a file and it gets its own session: a caller that pipes this script's output
# (CI's log capture, `| tee`) must not wait for the node to close the pipe.
setsid runuser -u "${RUN_USER}" -- env -i PATH=/usr/bin:/bin OPENSEARCH_JAVA_HOME="${JAVA_DIR}" \
  OPENSEARCH_JAVA_OPTS="-Xms${HEAP} -Xmx${HEAP}" \
  "${DIST}/bin/opensearch" -d -p "${HOME_DIR}/opensearch.pid" \
  -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 -Ehttp.port="${PORT}" \
  -Epath.data="${HOME_DIR}/data" -Epath.logs="${HOME_DIR}/logs" \
  -Ecluster.routing.allocation.disk.threshold_enabled=false \
  -Eaction.auto_create_index=false \
  </dev/null >"${HOME_DIR}/logs/console.log" 2>&1

for _ in $(seq 1 180); do
  if curl -fsS -m 2 "${URL}/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
    log "ready on ${URL}"
    exit 0
  fi
  sleep 1
done
log "the node did not become healthy in 180 s; last log lines:"
tail -n 40 "${HOME_DIR}/logs/"*.log >&2 || true
exit 1
