#!/usr/bin/env bash
# Starts the stack from several HEALTHID_HOMEs of one checkout, one after the other, and checks that each
# comes up healthy with its own Keycloak (a second home once failed: Maven skipped the unpack because of a
# marker left by the first). Usage: launcher-homes.sh [HOME ...]; with no argument, two fresh homes under
# target/. Ports stay away from the defaults so that a running stack is not in the way.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../../.." && pwd)"
cd "$root"
if [ "$#" -eq 0 ]; then
  set -- "$root/target/launcher-home-a" "$root/target/launcher-home-b"
  rm -rf "$@"
fi
export KEYCLOAK_PORT=${KEYCLOAK_PORT:-28080} KEYCLOAK_MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-29000}
export BRIDGE_PORT=${BRIDGE_PORT:-28081} GATEWAY_PORT=${GATEWAY_PORT:-28089}
passed=0
failed=0
for home in "$@"; do
  mkdir -p "$(dirname "$home")"
  export HEALTHID_HOME="$home"
  trap 'bin/healthid down >/dev/null 2>&1 || true' EXIT
  if bin/healthid up >"$home.up.txt" 2>&1 &&
    [ -x "$home/keycloak-26.7.3/bin/kc.sh" ] &&
    curl -fsS "http://localhost:$KEYCLOAK_PORT/realms/health/.well-known/openid-configuration" >/dev/null &&
    curl -fsS "http://localhost:$BRIDGE_PORT/fhir/metadata" >/dev/null; then
    echo "launcher: $home came up with its own Keycloak"
    passed=$((passed + 1))
  else
    echo "launcher: $home did not come up:" >&2
    tail -n 20 "$home.up.txt" >&2 || true
    failed=$((failed + 1))
  fi
  bin/healthid down >/dev/null 2>&1 || true
done
echo "launcher homes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
