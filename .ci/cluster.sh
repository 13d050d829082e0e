#!/usr/bin/env bash
# CI: the production topology as local processes (docs/cluster.md): bin/healthid cluster purge, up, test, purge.
# Installs what is missing from Debian's packages. PostgreSQL: the machine's, on 127.0.0.1:5432 with trust auth
# (started here when it does not answer); the cluster creates its database healthid_cluster there and drops it.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-sentinel >/dev/null 2>&1 || missing+=(redis-sentinel)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci: installing ${missing[*]} from Debian's packages" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >&2
fi

# The machine's PostgreSQL: started when it does not answer (these machines run it with trust auth on 127.0.0.1).
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "ci: PostgreSQL does not answer on 127.0.0.1:5432; starting it" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432 || { echo "ci: PostgreSQL did not start" >&2; exit 4; }
fi

export HEALTHID_CLUSTER_HOME="$PWD/target/ci-cluster"
export CLUSTER_PORT_BASE="${CLUSTER_PORT_BASE:-27000}"
bin/healthid cluster purge # a clean cluster: fresh database, Redis and Sentinel state

cluster_logs() {
  for log in "$HEALTHID_CLUSTER_HOME"/logs/*.log; do
    [ -f "$log" ] && { echo "--- tail of $log"; tail -n 30 "$log"; }
  done
}
trap 'bin/healthid cluster purge || true' EXIT

started=$(date +%s)
if ! bin/healthid cluster up; then cluster_logs; exit 1; fi
echo "ci: cluster up in $(($(date +%s) - started)) s"
started=$(date +%s)
if ! bin/healthid cluster test | tee "$HEALTHID_CLUSTER_HOME/test.txt"; then cluster_logs; exit 1; fi
echo "ci: cluster test in $(($(date +%s) - started)) s"
grep -q ' 0 failed$' "$HEALTHID_CLUSTER_HOME/test.txt" || { echo "ci: a cluster check failed" >&2; exit 1; }
