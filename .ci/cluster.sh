#!/usr/bin/env bash
# CI: the production topology as local processes (docs/cluster.md): bin/healthid cluster up, test, down.
# Installs what is missing from Debian's packages. PostgreSQL: the cluster runs its own instance (initdb
# under its home, its own port), so the machine's PostgreSQL is neither needed nor touched.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-sentinel >/dev/null 2>&1 || missing+=(redis-sentinel)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci: installing ${missing[*]} from Debian's packages" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >&2
fi

export HEALTHID_CLUSTER_HOME="$PWD/target/ci-cluster"
export CLUSTER_PORT_BASE="${CLUSTER_PORT_BASE:-27000}"
rm -rf "$HEALTHID_CLUSTER_HOME" # a clean cluster: fresh database, Redis and Sentinel state

cluster_logs() {
  for log in "$HEALTHID_CLUSTER_HOME"/logs/*.log; do
    [ -f "$log" ] && { echo "--- tail of $log"; tail -n 30 "$log"; }
  done
}
trap 'bin/healthid cluster down || true' EXIT

started=$(date +%s)
if ! bin/healthid cluster up; then cluster_logs; exit 1; fi
echo "ci: cluster up in $(($(date +%s) - started)) s"
started=$(date +%s)
if ! bin/healthid cluster test | tee "$HEALTHID_CLUSTER_HOME/test.txt"; then cluster_logs; exit 1; fi
echo "ci: cluster test in $(($(date +%s) - started)) s"
grep -q ' 0 failed$' "$HEALTHID_CLUSTER_HOME/test.txt" || { echo "ci: a cluster check failed" >&2; exit 1; }
