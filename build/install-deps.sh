#!/usr/bin/env bash
# Installs the Debian packages the tests use (real servers and tools on loopback; afl++ for
# fuzz/run.sh) when they are missing. Needs root (CI runs as root); elsewhere install them by
# hand: see README.md.
set -euo pipefail
packages="nginx openssl tinyproxy afl++ libxml2-utils"
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
# The packages start system services (nginx on port 80, tinyproxy on 8888); the tests run
# their own instances on free loopback ports.
for service in nginx tinyproxy; do
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now "$service" >/dev/null 2>&1 || true; fi
  service "$service" stop >/dev/null 2>&1 || true
done
