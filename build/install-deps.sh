#!/usr/bin/env bash
# Installs the Debian packages the tests use (real servers and tools on loopback) when they
# are missing. Needs root (CI runs as root); elsewhere install them by hand: see README.md.
set -euo pipefail
packages="nginx openssl libxml2-utils"
missing=""
for p in $packages; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages:$missing (install them as root)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
# The package starts a system nginx on port 80; the tests run their own instances.
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now nginx >/dev/null 2>&1 || true; fi
service nginx stop >/dev/null 2>&1 || true
