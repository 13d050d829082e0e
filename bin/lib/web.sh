# shellcheck shell=bash
# The web apps (web/: reception desk and citizen records) for bin/healthid: build them with npm when the dist is
# missing or older than their sources, then serve them from their own origin, http://localhost:${WEB_PORT:-8090}/,
# with web/server/static-server.mjs (Node's standard library only). Sourced by bin/healthid, which provides
# say, die, start, running, check_port, wait_http and the $root, $home, $logs, $pids variables.

web_port="${WEB_PORT:-8090}"
web_origin="http://localhost:$web_port"
# Keycloak's realm import reads it for the two web clients' redirect URIs and web origins
# (sandbox/realms/health-realm.json: reception-desk, my-records).
export HEALTHID_WEB_ORIGIN="$web_origin"

web_check_port() { check_port web "$web_port" WEB_PORT; }

web_build() {
  local dir="$root/web" stamp="$root/web/dist/.built"
  command -v node >/dev/null && command -v npm >/dev/null || die "the web apps need Node.js 20+ and npm (apt-get install nodejs npm)"
  if [ -f "$stamp" ] && [ -z "$(find "$dir/app" "$dir/index.html" "$dir/reception" "$dir/records" "$dir/package-lock.json" \
    "$dir/vite.config.ts" "$dir/package.json" -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
    say "web apps are built, reused"
    return 0
  fi
  say "building the web apps (npm ci && npm run build) ..."
  # npm ci only when node_modules is missing or older than the lock file (npm writes node_modules/.package-lock.json).
  (cd "$dir" &&
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund
    fi && npm run build) >"$logs/web-build.log" 2>&1 || die "the web build failed; see $logs/web-build.log"
  touch "$stamp"
}

web_start() {
  WEB_PORT="$web_port" \
    HEALTHID_FHIR_URL="http://localhost:$bridge_port/fhir" \
    HEALTHID_KEYCLOAK_URL="http://localhost:$keycloak_port" \
    HEALTHID_READER_URL="http://127.0.0.1:$reader_port" \
    HEALTHID_FACILITY="${HEALTHID_FACILITY:-79071}" \
    start web node "$root/web/server/static-server.mjs"
}

web_wait() { wait_http web "http://127.0.0.1:$web_port/healthz" 30; }

web_urls() {
  cat <<TXT
  reception desk (web)     $web_origin/reception/   (doctor02 / sandbox-doctor02 + TOTP; reader: bin/healthid reader)
  my records (web)         $web_origin/records/     (a sandbox card, through the QR code)
TXT
}
