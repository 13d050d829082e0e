#!/usr/bin/env bash
# Validates FHIR answers collected from a running bridge (files or directories of .json / .xml) with HAPI's
# validator loaded with the project's FHIR package (fhir-bridge/target/fhir-package/package.tgz), as the
# bridge's tests do: fhir-bridge's vn.healthid.bridge.fhir.ValidateAnswers. Exit 1 on any error.
#   .ci/fhirsem-validate-answers.sh <dir-or-file>...
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ "$#" -gt 0 ] || { echo "usage: $0 <dir-or-file>..." >&2; exit 2; }
. "$root/bin/lib/jdk.sh"
healthid_pick_jdk
build="${BRIDGE_BUILD_DIR:-$root/fhir-bridge/target}"
(cd "$root" && ./mvnw -B -q -ntp -pl fhir-bridge -am test-compile -Dbridge.build.dir="$build" \
  -Dspotless.check.skip=true >/dev/null)
(cd "$root" && ./mvnw -B -q -ntp -pl fhir-bridge dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$build/validate-answers.classpath" -Dbridge.build.dir="$build" >/dev/null)
exec "$JAVA_HOME/bin/java" -Dlogback.configurationFile="$root/.ci/fhirsem-validate-answers.logback.xml" -cp "$build/test-classes:$build/classes:$build/fhir-package:$(cat "$build/validate-answers.classpath")" \
  vn.healthid.bridge.fhir.ValidateAnswers "$@"
