#!/usr/bin/env bash
# fhir-bridge's integration tier (*IT) starts throwaway redis-server primaries, replicas and a
# redis-sentinel on free ports (fhir-bridge/README.md, "Test"): install Debian's packages if missing.
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-sentinel >/dev/null 2>&1 || missing+=(redis-sentinel)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci: installing ${missing[*]} from Debian's packages" >&2
  (apt-get update -qq && apt-get install -y -qq "${missing[@]}") >&2
fi
redis-server --version >&2
