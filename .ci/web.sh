#!/usr/bin/env bash
# The web apps' end-to-end suite (web/test/e2e) against the real stack: Debian's Chromium through playwright-core
# (no browser download), axe-core on every page, screenshots in target/web-e2e/. Its own HEALTHID_HOME and ports
# away from the defaults and from .ci/run's stack.
#   .ci/web.sh                  install what is missing, up, e2e, down
#   .ci/web.sh --update-docs    the same, then copy the screenshots into docs/screenshots
set -euo pipefail
cd "$(dirname "$0")/.."

# Only what is missing: the machine's Node.js may come from elsewhere than Debian, and Debian's npm would conflict.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci/web: installing ${missing[*]} from Debian's packages" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >&2
fi
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' ||
  { echo "ci/web: Node.js 20 or newer is required" >&2; exit 4; }
(cd web && npm ci --no-audit --no-fund)

export KEYCLOAK_PORT=18180 KEYCLOAK_MANAGEMENT_PORT=19100 BRIDGE_PORT=18181 GATEWAY_PORT=18189 WEB_PORT=18190
export HEALTHID_READER_PORT=18765
export HEALTHID_HOME="$PWD/target/ci-web-stack"
export WEB_E2E_ARTIFACTS="$PWD/target/web-e2e"
export CHROMIUM=/usr/bin/chromium
# The stack for the suite: the citizen's self-service lookups name the portal as the officer; a short cache TTL so
# that the "gateway down" step gets a stale answer within seconds; the web origin allowed by the bridge's CORS
# (healthid.security.cors.allowed-origins).
export HEALTHID_GATEWAY_ACCESS_SELF_SERVICE_STAFF_NAME="Cổng tự phục vụ healthid"
export HEALTHID_GATEWAY_ACCESS_SELF_SERVICE_STAFF_NATIONAL_ID=079000000999
export HEALTHID_GATEWAY_CACHE_TTL=3s
export HEALTHID_SECURITY_CORS_ALLOWED_ORIGINS="http://localhost:$WEB_PORT"

stack_logs() {
  for log in "$HEALTHID_HOME"/logs/*.log; do
    [ -f "$log" ] && { echo "--- tail of $log"; tail -n 40 "$log"; }
  done
}
reader_pid=""
stop_all() {
  if [ -n "$reader_pid" ]; then kill "$reader_pid" 2>/dev/null || true; fi
  bin/healthid down || true
}
trap stop_all EXIT
# On a loaded machine Keycloak's first start (schema, realm import) can outlast bin/healthid's wait: a second `up`
# reuses what runs and waits again.
if ! bin/healthid up && ! bin/healthid up; then stack_logs; exit 1; fi
# The desk reader for the reception page: the real `cccd-reader serve` over the sandbox cards' emulated chips
# (bin/healthid reader, in the background on its own port; stopped by the trap).
reader_log="$HEALTHID_HOME/logs/reader.log"
READER_PORT="$HEALTHID_READER_PORT" bin/healthid reader >"$reader_log" 2>&1 &
reader_pid=$!
for _ in $(seq 1 60); do
  if curl -fsS -o /dev/null -H "Origin: http://localhost:$WEB_PORT" "http://127.0.0.1:$HEALTHID_READER_PORT/v1/status" 2>/dev/null; then
    break
  fi
  kill -0 "$reader_pid" 2>/dev/null || { echo "ci/web: the desk reader stopped" >&2; cat "$reader_log" >&2; exit 1; }
  sleep 1
done
if ! (cd web && npm run e2e); then stack_logs; exit 1; fi
echo "ci/web: screenshots in $WEB_E2E_ARTIFACTS"
if [ "${1:-}" = "--update-docs" ]; then
  mkdir -p docs/screenshots
  cp "$WEB_E2E_ARTIFACTS"/*.png docs/screenshots/
  echo "ci/web: copied into docs/screenshots"
fi
