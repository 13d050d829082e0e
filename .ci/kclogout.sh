#!/usr/bin/env bash
# identity-spi's RedisSentinelTest starts Debian's redis-server and redis-sentinel on free ports:
# make sure both are installed (idempotent). Runs before the build, which runs that test.
set -euo pipefail
if ! command -v redis-sentinel >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then
  echo "ci: installing redis-server and redis-sentinel from Debian's packages" >&2
  (apt-get update -qq && apt-get install -y -qq redis-server redis-sentinel) >&2
fi
