# Sourced by bin/* and .ci/run: exports JAVA_HOME for a JDK 21+ or exits with a clear message.
# Order: JAVA_HOME when it is 21+, then well-known JDK folders, then the java on PATH.

healthid_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java.specification.version = //p' | head -1
}

healthid_pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
    /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 \
    "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(healthid_java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "healthid: a JDK 21 or newer is required (found: JAVA_HOME='${JAVA_HOME:-}', java on PATH is $(java -version 2>&1 | head -1))." >&2
  echo "healthid: install one and set JAVA_HOME, e.g. export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64" >&2
  exit 3
}
