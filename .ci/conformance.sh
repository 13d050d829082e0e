#!/usr/bin/env bash
# The SMART App Launch / OpenID Connect conformance suite (conformance/, docs/smart.md): Debian's Chromium and the
# suite's npm packages (installed when missing), a stack of its own (ports and HEALTHID_HOME away from the others),
# the suite, the stack stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
command -v node >/dev/null || {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
}
(cd conformance && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)

export KEYCLOAK_PORT=28080 KEYCLOAK_MANAGEMENT_PORT=29000 BRIDGE_PORT=28081 GATEWAY_PORT=28089
export HEALTHID_HOME="$PWD/target/conformance-stack"
stack_logs() {
  for log in "$HEALTHID_HOME"/logs/*.log; do
    [ -f "$log" ] && { echo "--- tail of $log"; tail -n 40 "$log"; }
  done
}
trap 'bin/healthid down || true' EXIT
if ! bin/healthid up; then stack_logs; exit 1; fi
if ! bin/healthid conformance; then stack_logs; exit 1; fi
