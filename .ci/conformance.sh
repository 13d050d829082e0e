#!/usr/bin/env bash
# The SMART App Launch / OpenID Connect conformance suite (conformance/, docs/smart.md): Debian's Chromium and the
# suite's npm packages (installed when missing), a stack of its own (ports and HEALTHID_HOME away from the others),
# the suite, the stack stopped; then HAPI's validator with the project's FHIR package over every FHIR answer the suite
# got from the bridge (docs/fhir-api.md, "Every answer validates"): any error, or no answer at all, fails the tier.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "conformance: installing Debian's chromium" >&2
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
export CONFORMANCE_ANSWERS="$PWD/target/conformance-answers" # bin/healthid conformance empties it first
stack_logs() {
  for log in "$HEALTHID_HOME"/logs/*.log; do
    [ -f "$log" ] && { echo "--- tail of $log"; tail -n 40 "$log"; }
  done
}
trap 'bin/healthid down || true' EXIT
if ! bin/healthid up; then stack_logs; exit 1; fi
suite=0
bin/healthid conformance || { suite=1; stack_logs; }
bin/healthid down
trap - EXIT

# The answers: one file per answer (lib/answers.js), .json / .xml as the bridge sent them.
answers=$(find "$CONFORMANCE_ANSWERS" -type f \( -name '*.json' -o -name '*.xml' \) 2>/dev/null | wc -l)
if [ "$answers" -eq 0 ]; then
  echo "conformance: no FHIR answer of the bridge was collected in $CONFORMANCE_ANSWERS" >&2
  exit 1
fi
# Anything else under /fhir is not FHIR (.txt) or a browser answer whose body could not be read (.missed).
others=$(find "$CONFORMANCE_ANSWERS" -type f ! -name '*.json' ! -name '*.xml' ! -name index.tsv)
if [ -n "$others" ]; then
  echo "conformance: answers under /fhir that are not FHIR, or were not read (see $CONFORMANCE_ANSWERS/index.tsv):" >&2
  echo "$others" >&2
  exit 1
fi
echo "conformance: validating the $answers FHIR answers the suite got from the bridge ($CONFORMANCE_ANSWERS)"
bash .ci/fhirsem-validate-answers.sh "$CONFORMANCE_ANSWERS"
exit "$suite"
