#!/usr/bin/env bash
# Stops the node that setup-opensearch.sh started (by its pid file only).
set -euo pipefail
HOME_DIR="${NWATCH_OPENSEARCH_HOME:-/opt/nwatch-opensearch}"
PID_FILE="${HOME_DIR}/opensearch.pid"
if [[ ! -f "${PID_FILE}" ]]; then
  echo "stop-opensearch: no pid file ${PID_FILE}; nothing to stop" >&2
  exit 0
fi
PID="$(cat "${PID_FILE}")"
if kill "${PID}" 2>/dev/null; then
  for _ in $(seq 1 60); do
    kill -0 "${PID}" 2>/dev/null || break
    sleep 1
  done
fi
rm -f "${PID_FILE}"
echo "stop-opensearch: stopped ${PID}" >&2
