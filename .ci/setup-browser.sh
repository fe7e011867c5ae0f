#!/usr/bin/env bash
# Installs what the dashboard's browser tests need: Debian's Chromium and its matching chromedriver.
# Idempotent: does nothing when both are already there. Runs as root on Debian (CI).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "setup-browser: chromium $(chromium --version 2>/dev/null | awk '{print $2}') and chromedriver already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver
echo "setup-browser: installed $(chromium --version 2>/dev/null)"
