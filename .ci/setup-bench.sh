#!/usr/bin/env bash
# Installs what bench/run compares against: PostgreSQL 15 (server binaries only; bench/run makes its own
# throwaway cluster, the package's default cluster is not used) and ripgrep. Idempotent; runs as root on Debian.
set -euo pipefail
need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client-15)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
command -v /usr/bin/time >/dev/null 2>&1 || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup-bench: missing ${need[*]}; run this script as root (apt-get install)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d keeps the package from starting its own cluster on port 5432: we never use it
  own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=1
  fi
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  [ "$own_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi
echo "setup-bench: $(/usr/lib/postgresql/15/bin/postgres --version), $(rg --version | head -1)"
