#!/usr/bin/env bash
# The builds' Redis tests start throwaway redis-server primaries, replicas and redis-sentinels on free
# ports (fhir-bridge's *IT, fhir-bridge/README.md "Test"; identity-spi's RedisSentinelTest): install
# Debian's packages if missing. Runs before the build.
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-sentinel >/dev/null 2>&1 || missing+=(redis-sentinel)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci: installing ${missing[*]} from Debian's packages" >&2
  (apt-get update -qq && apt-get install -y -qq "${missing[@]}") >&2
fi
redis-server --version >&2
