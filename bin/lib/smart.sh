# bin/healthid conformance: the SMART / OpenID Connect conformance suite (conformance/) against the running stack.
# Sourced by bin/healthid, which sets root, home, the ports, say and die.

conformance() {
  running keycloak && running bridge || die "the stack is not running: bin/healthid up"
  command -v node >/dev/null || die "Node.js 20 is required (the machine's node, or: apt-get install nodejs npm)"
  [ -x /usr/bin/chromium ] || die "Debian's chromium is required: apt-get install -y chromium"
  if [ ! -d "$root/conformance/node_modules/playwright-core" ] || [ "$root/conformance/package-lock.json" -nt "$root/conformance/node_modules/.package-lock.json" ]; then
    say "installing the conformance suite's packages (npm ci) ..."
    (cd "$root/conformance" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) ||
      die "npm ci failed in conformance/"
  fi
  # Every FHIR answer of the bridge is saved there, for .ci/fhirsem-validate-answers.sh (docs/fhir-api.md).
  local answers="${CONFORMANCE_ANSWERS:-$root/target/conformance-answers}"
  rm -rf "$answers"
  (cd "$root/conformance" &&
    KEYCLOAK_PORT="$keycloak_port" BRIDGE_PORT="$bridge_port" HEALTHID_HOME="$home" CONFORMANCE_ANSWERS="$answers" npm test)
  say "the bridge's FHIR answers are in $answers; validate them: .ci/fhirsem-validate-answers.sh $answers"
}
