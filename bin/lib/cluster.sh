# Sourced by bin/healthid: `bin/healthid cluster up|test|bench|status|down`, the production topology
# (compose/docker-compose.yml) as local processes, without Docker:
#   PostgreSQL: the machine's (127.0.0.1:5432 with trust auth), in a database of the cluster's own
#   Keycloak 26.7.3 x KEYCLOAK_NODES in production mode (`kc.sh build` once; Infinispan, jdbc-ping)
#   Redis primary + REDIS_REPLICAS replica(s) + SENTINELS Sentinels
#   the FHIR bridge x BRIDGE_NODES, through Sentinel
#   nginx in front of the Keycloak nodes and in front of the bridges
#   the insurance-gateway stand-in
# Counts and shared options: sandbox/stack/cluster/ (topology.env, keycloak.conf, bridge.properties,
# nginx.conf), which ComposeFileTest cross-checks against compose/.
#
# Settings (environment): HEALTHID_CLUSTER_HOME (.healthid-cluster/), CLUSTER_PORT_BASE (27000; every
# port is base + offset, see cluster_ports), CLUSTER_BENCH_CITIZENS (1000000), CLUSTER_PG_HOST (127.0.0.1),
# CLUSTER_PG_PORT (5432), CLUSTER_PG_USER (postgres), CLUSTER_PG_DATABASE (healthid_cluster).
# `cluster purge` stops everything, drops that database and removes the home's state (not its logs): the next `up`
# starts fresh.

cluster_files="$root/sandbox/stack/cluster"
# shellcheck source=../../sandbox/stack/cluster/topology.env
. "$cluster_files/topology.env"

cluster_home="${HEALTHID_CLUSTER_HOME:-$root/.healthid-cluster}"

cluster_ports() {
  local base="${CLUSTER_PORT_BASE:-27000}"
  pg_host="${CLUSTER_PG_HOST:-127.0.0.1}"
  pg_port="${CLUSTER_PG_PORT:-5432}"
  pg_user="${CLUSTER_PG_USER:-postgres}"
  pg_database="${CLUSTER_PG_DATABASE:-healthid_cluster}"
  lb_keycloak_port=$((base + 80))
  lb_bridge_port=$((base + 81))
  gateway_port=$((base + 89))         # nginx, which counts the calls (nginx.conf) ...
  gateway_backend_port=$((base + 88)) # ... in front of the stand-in
  redis_port_base=$((base + 50))  # primary base+50, replicas +51...
  sentinel_port_base=$((base + 60)) # base+61...
  keycloak_port_base=$((base + 10)) # node n: http base+10+n, management base+20+n, jgroups base+30+n
  bridge_port_base=$((base + 40))   # replica n: base+40+n
}

# Like bin/healthid's start, but each process leads its own process group (setsid): kc.sh runs Java as a child,
# and a crash test must kill the Java process, not only the script around it.
cluster_start() {
  local name=$1
  shift
  if running "$name"; then
    say "$name already running (pid $(cat "$pids/$name.pid")), reused"
    return 0
  fi
  setsid nohup "$@" >"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$pids/$name.pid"
  say "$name starting (pid $!, log $logs/$name.log)"
}

# Signal a process group started by cluster_start.
cluster_signal() { kill "-$1" -- "-$2" 2>/dev/null || kill "-$1" "$2" 2>/dev/null || true; }

cluster_init() {
  healthid_pick_jdk # every subcommand may start a Java process (kill/restart from the fault checks too)
  cluster_ports
  home="$cluster_home"
  logs="$home/logs"
  pids="$home/pids"
  keycloak_home="$home/keycloak-$keycloak_version"
  mkdir -p "$logs" "$pids"
}

cluster_build() {
  local marker="$home/build.stamp"
  if newer_sources "$marker" "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src "$root"/sandbox/*/src "$root"/sandbox/*/pom.xml; then
    say "building (./mvnw -DskipTests package) ..."
    # package, not install: the build writes nothing to ~/.m2; each module's runtime classpath goes to its
    # target/runtime-classpath.txt (the reactor's own jars included).
    (cd "$root" && ./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true \
      -pl identity-spi,fhir-bridge,sandbox/gateway,sandbox/stack -am package dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt) >"$logs/build.log" 2>&1 ||
      die "the build failed; see $logs/build.log"
    touch "$marker"
  else
    say "build is up to date, reused"
  fi
}

cluster_classpath() { echo "$root/sandbox/stack/target/classes:$(cat "$root/sandbox/stack/target/runtime-classpath.txt")"; }

cluster_java() { java -cp "$(cluster_classpath)" "$@"; }

cluster_cards() {
  if [ -f "$home/cards/trust/csca.pem" ]; then
    say "sandbox cards already issued in $home/cards, reused"
    return 0
  fi
  cluster_java vn.healthid.sandbox.cards.CardsCommand issue --seed 42 --count 10 --faults --out "$home/cards" \
    >"$logs/cards.log" 2>&1 || die "issuing the sandbox cards failed; see $logs/cards.log"
  cluster_java vn.healthid.sandbox.stack.GatewayPopulationCommand \
    --cards "$home/cards/cards" --out "$home/gateway-population.json" >>"$logs/cards.log" 2>&1 ||
    die "writing the gateway population failed; see $logs/cards.log"
  say "issued 10 sandbox cards into $home/cards"
}

pg_up() { pg_isready -q -h "$pg_host" -p "$pg_port" 2>/dev/null; }

# The machine's PostgreSQL (.ci/cluster.sh starts it when it does not answer). The cluster's database is created here
# and dropped by `cluster purge`; nothing else of that server is touched, but for the restart of the fault check.
cluster_postgres() {
  pg_up || die "PostgreSQL does not answer on $pg_host:$pg_port (Debian: pg_ctlcluster --skip-systemctl-redirect <version> main start; .ci/cluster.sh starts it)"
  if ! CLUSTER_DB=postgres cluster_psql -tAc "select 1 from pg_database where datname = '$pg_database'" | grep -q 1; then
    CLUSTER_DB=postgres cluster_psql -qc "create database $pg_database" || die "could not create the database $pg_database"
    say "postgres: database $pg_database created on $pg_host:$pg_port"
  else
    say "postgres: database $pg_database on $pg_host:$pg_port, reused"
  fi
}

cluster_psql() { psql -X -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "${CLUSTER_DB:-$pg_database}" "$@"; }

# The fault check's restart: the Debian cluster that listens on the port (pg_lsclusters), or CLUSTER_PG_RESTART.
cluster_postgres_restart() {
  if [ -n "${CLUSTER_PG_RESTART:-}" ]; then
    bash -c "$CLUSTER_PG_RESTART" >>"$logs/postgres-restart.log" 2>&1 || die "PostgreSQL did not restart ($CLUSTER_PG_RESTART)"
    return 0
  fi
  command -v pg_lsclusters >/dev/null || die "cannot restart PostgreSQL: no pg_lsclusters (Debian's postgresql-common); set CLUSTER_PG_RESTART"
  local version="" name=""
  read -r version name < <(pg_lsclusters -h | awk -v port="$pg_port" '$3 == port { print $1, $2; exit }') || true
  [ -n "$version" ] || die "no PostgreSQL cluster of this machine listens on port $pg_port; set CLUSTER_PG_RESTART"
  pg_ctlcluster --skip-systemctl-redirect -m fast "$version" "$name" restart >>"$logs/postgres-restart.log" 2>&1 ||
    die "PostgreSQL $version/$name did not restart; see $logs/postgres-restart.log"
}

# Everything stopped, the cluster's database dropped, its home removed but for the logs of the last run.
cluster_purge() {
  cluster_down
  if pg_up; then
    CLUSTER_DB=postgres cluster_psql -qc "drop database if exists $pg_database with (force)" ||
      die "could not drop the database $pg_database"
    say "postgres: database $pg_database dropped"
  fi
  find "$home" -mindepth 1 -maxdepth 1 ! -name logs -exec rm -rf {} +
  say "removed the state in $home (its logs/ kept)"
}

cluster_redis() {
  local n port dir
  for n in $(seq 0 "$REDIS_REPLICAS"); do
    port=$((redis_port_base + n))
    dir="$home/redis/$n"
    mkdir -p "$dir"
    if [ "$n" = 0 ]; then
      cluster_start "redis-$n" redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --appendonly yes --save ""
    else
      cluster_start "redis-$n" redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --appendonly yes --save "" \
        --replicaof 127.0.0.1 "$redis_port_base"
    fi
  done
  for n in $(seq 1 "$SENTINELS"); do
    port=$((sentinel_port_base + n))
    dir="$home/sentinel/$n"
    mkdir -p "$dir"
    if ! running "sentinel-$n"; then
      # Sentinel rewrites its file with what it learns; a fresh one per start follows the primary above.
      cat >"$dir/sentinel.conf" <<CONF
port $port
bind 127.0.0.1
dir $dir
sentinel monitor $SENTINEL_MASTER 127.0.0.1 $redis_port_base $SENTINEL_QUORUM
sentinel down-after-milliseconds $SENTINEL_MASTER 1500
sentinel failover-timeout $SENTINEL_MASTER 10000
sentinel parallel-syncs $SENTINEL_MASTER 1
CONF
    fi
    cluster_start "sentinel-$n" redis-sentinel "$dir/sentinel.conf"
  done
}

sentinel_nodes() {
  local n list=""
  for n in $(seq 1 "$SENTINELS"); do list="$list${list:+,}127.0.0.1:$((sentinel_port_base + n))"; done
  echo "$list"
}

cluster_nginx() {
  local n kc="" br=""
  mkdir -p "$home/nginx"
  for n in $(seq 1 "$KEYCLOAK_NODES"); do
    kc="$kc    server 127.0.0.1:$((keycloak_port_base + n)) max_fails=1 fail_timeout=5s;"$'\n'
  done
  for n in $(seq 1 "$BRIDGE_NODES"); do
    br="$br    server 127.0.0.1:$((bridge_port_base + n)) max_fails=1 fail_timeout=5s;"$'\n'
  done
  KC="$kc" BR="$br" awk -v home="$home" -v logs="$logs" -v kport="$lb_keycloak_port" -v bport="$lb_bridge_port" \
    -v gport="$gateway_port" -v gbport="$gateway_backend_port" '
    { gsub("@HOME@", home); gsub("@LOGS@", logs); gsub("@KEYCLOAK_PORT@", kport); gsub("@BRIDGE_PORT@", bport)
      gsub("@GATEWAY_PORT@", gport); gsub("@GATEWAY_BACKEND_PORT@", gbport) }
    /@KEYCLOAK_SERVERS@/ { printf "%s", ENVIRON["KC"]; next }
    /@BRIDGE_SERVERS@/ { printf "%s", ENVIRON["BR"]; next }
    { print }' "$cluster_files/nginx.conf" >"$home/nginx/nginx.conf"
  # as root, nginx would hand its workers to "nobody"; the workers write to folders of this home
  [ "$(id -u)" = 0 ] && sed -i '1i user root;' "$home/nginx/nginx.conf"
  nginx -t -c "$home/nginx/nginx.conf" >"$logs/nginx-test.log" 2>&1 || die "bad nginx config; see $logs/nginx-test.log"
  cluster_start nginx nginx -c "$home/nginx/nginx.conf"
}

# Keycloak: one distribution, built once for production mode, then copied per node (each node keeps its own
# data/ folder: transaction logs, temporary files).
cluster_keycloak_build() {
  local stamp="$keycloak_home/build.stamp"
  fetch_keycloak
  if [ -f "$stamp" ] && [ -z "$(find "$root/identity-spi/target/providers" "$cluster_files/keycloak.conf" -newer "$stamp" -print -quit)" ]; then
    say "Keycloak build is up to date, reused"
    return 0
  fi
  if running keycloak-1; then
    say "the providers changed, but Keycloak nodes are running the older build: cluster down, then up, to rebuild"
    return 0
  fi
  rm -f "$keycloak_home"/providers/*.jar
  cp "$root"/identity-spi/target/providers/*.jar "$keycloak_home/providers/"
  cp "$cluster_files/keycloak.conf" "$keycloak_home/conf/keycloak.conf"
  say "kc.sh build (production mode, with the healthid providers) ..."
  "$keycloak_home/bin/kc.sh" build >"$logs/keycloak-build.log" 2>&1 || die "kc.sh build failed; see $logs/keycloak-build.log"
  touch "$stamp"
  rm -rf "$home"/keycloak-node-*
}

keycloak_node_home() { echo "$home/keycloak-node-$1"; }

cluster_keycloak_node() {
  local n=$1 node_home http mgmt jg
  node_home=$(keycloak_node_home "$n")
  http=$((keycloak_port_base + n))
  mgmt=$((keycloak_port_base + 10 + n))
  jg=$((keycloak_port_base + 20 + n))
  if [ ! -d "$node_home" ]; then
    cp -a "$keycloak_home" "$node_home"
    mkdir -p "$node_home/data/import"
    cp "$root"/sandbox/realms/*.json "$node_home/data/import/"
  fi
  # Abuse settings: the product's defaults (identity-spi/README.md "Abuse settings"), but the lockout window and lock
  # time are 2 minutes instead of 15, so that `cluster test` can run again soon. The nodes take the source address from
  # X-Forwarded-For (proxy-headers=xforwarded in keycloak.conf): the balancer overwrites it, and the checks that talk
  # to a node directly set it as a trusted proxy would (docs/cluster.md).
  local import=""
  [ "$n" = 1 ] && import="--import-realm" # one importer; the others find the realm in the database
  # The JGroups ports per node (all nodes share this host): transport base+30+n, failure detection +100.
  JAVA_OPTS_APPEND="-Djgroups.bind.address=127.0.0.1 -Djgroups.bind.port=$jg -Djgroups.fd.port-offset=100" \
    JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    cluster_start "keycloak-$n" "$node_home/bin/kc.sh" start --optimized $import \
    --db-url="jdbc:postgresql://$pg_host:$pg_port/$pg_database" --db-username="$pg_user" --db-password=unused \
    --hostname="http://127.0.0.1:$lb_keycloak_port" \
    --http-host=127.0.0.1 --http-port="$http" --http-management-port="$mgmt" \
    --spi-healthid-chip--default--trust-pem="$home/cards/trust/csca.pem" \
    --spi-healthid-chip--default--crl="$home/cards/trust/crl.pem" \
    --spi-healthid-chip--default--patient-id-key="$patient_id_key" \
    --spi-login-protocol--openid-connect--req-token-params-default-max-size=300000 \
    --spi-client-policy-executor--healthid-smart-aud--fhir-base-urls="http://127.0.0.1:$lb_bridge_port/fhir,http://localhost:$lb_bridge_port/fhir" \
    --spi-healthid-chip--default--lockout-threshold-session=5 \
    --spi-healthid-chip--default--lockout-threshold-address=20 \
    --spi-healthid-chip--default--lockout-threshold-client=100 \
    --spi-healthid-chip--default--lockout-duration=120 \
    --spi-healthid-chip--default--rate-window=60 \
    --spi-healthid-chip--default--rate-challenge-address=60 --spi-healthid-chip--default--rate-challenge-client=600 \
    --spi-healthid-chip--default--rate-grant-address=60 --spi-healthid-chip--default--rate-grant-client=600 \
    --spi-healthid-chip--default--rate-phone-address=30 --spi-healthid-chip--default--rate-phone-client=600 \
    --spi-events-listener--healthid-audit--redis-url="redis://127.0.0.1:$redis_port_base" \
    --spi-events-listener--healthid-audit--sentinel-master="$SENTINEL_MASTER" \
    --spi-events-listener--healthid-audit--sentinels="$(sentinel_nodes)"
}

wait_keycloak_node() { wait_http "keycloak-$1" "http://127.0.0.1:$((keycloak_port_base + 10 + $1))/health/ready" 300; }

cluster_bridge() {
  local n=$1
  HEALTHID_SECURITY_ISSUER="http://127.0.0.1:$lb_keycloak_port/realms/health" \
    HEALTHID_PATIENT_ID_KEY="$patient_id_key" \
    HEALTHID_GATEWAY_BASE_URL="http://127.0.0.1:$gateway_port" \
    HEALTHID_GATEWAY_USERNAME="$gateway_user" HEALTHID_GATEWAY_PASSWORD="$gateway_password" \
    SERVER_PORT="$((bridge_port_base + n))" \
    cluster_start "bridge-$n" java -Xmx512m -jar "$root/fhir-bridge/target/healthid-fhir-bridge.jar" \
    --spring.config.additional-location="file:$cluster_files/bridge.properties" \
    --healthid.store.redis-url="redis://127.0.0.1:$redis_port_base" \
    --healthid.store.sentinel.nodes="$(sentinel_nodes)" \
    --healthid.gateway.facilities.clinic-reception=79071 \
    --healthid.telehealth.min-loa.update=1
}

wait_bridge() { wait_http "bridge-$1" "http://127.0.0.1:$((bridge_port_base + $1))/actuator/health/readiness" 180; }

cluster_env() {
  # What the test driver and the benchmark read (and what a person needs to poke at the cluster).
  cat >"$home/cluster.env" <<ENV
home=$home
keycloak=http://127.0.0.1:$lb_keycloak_port
bridge=http://127.0.0.1:$lb_bridge_port
gateway=http://127.0.0.1:$gateway_port
gateway.log=$logs/gateway-access.log
keycloak.nodes=$(for n in $(seq 1 "$KEYCLOAK_NODES"); do printf '%s' "http://127.0.0.1:$((keycloak_port_base + n)) "; done)
keycloak.management=$(for n in $(seq 1 "$KEYCLOAK_NODES"); do printf '%s' "http://127.0.0.1:$((keycloak_port_base + 10 + n)) "; done)
bridge.nodes=$(for n in $(seq 1 "$BRIDGE_NODES"); do printf '%s' "http://127.0.0.1:$((bridge_port_base + n)) "; done)
redis.nodes=$(for n in $(seq 0 "$REDIS_REPLICAS"); do printf '%s' "127.0.0.1:$((redis_port_base + n)) "; done)
sentinels=$(sentinel_nodes)
sentinel.master=$SENTINEL_MASTER
postgres=$pg_host:$pg_port/$pg_database
cards=$home/cards/cards
ENV
}

cluster_up() {
  healthid_pick_jdk
  cluster_init
  local tool
  for tool in curl psql redis-server redis-sentinel redis-cli nginx; do
    command -v "$tool" >/dev/null || die "$tool is required (Debian: postgresql-client, redis-server, redis-sentinel, nginx-light; .ci/cluster.sh installs them)"
  done
  cluster_build
  cluster_cards
  cluster_postgres
  cluster_redis
  # 200 ms per answer, as a real gateway takes its time: the window in which replicas could call twice
  cluster_start gateway java -Xmx256m -jar "$root/sandbox/gateway/target/gateway-standin.jar" --port "$gateway_backend_port" \
    --latency-ms 200 \
    --bind 127.0.0.1 --population "$home/gateway-population.json" \
    --username "$gateway_user" --password "$gateway_password"
  cluster_keycloak_build
  local n
  cluster_keycloak_node 1
  # Once node 1 listens, it creates the schema and imports the realms under Keycloak's database lock; the other
  # nodes start meanwhile (their JVM start overlaps that work) and wait for the lock.
  wait_http keycloak-1 "http://127.0.0.1:$((keycloak_port_base + 11))/health/live" 300
  for n in $(seq 2 "$KEYCLOAK_NODES"); do cluster_keycloak_node "$n"; done
  wait_keycloak_node 1
  for n in $(seq 1 "$BRIDGE_NODES"); do cluster_bridge "$n"; done
  cluster_nginx
  for n in $(seq 2 "$KEYCLOAK_NODES"); do wait_keycloak_node "$n"; done
  wait_http gateway "http://127.0.0.1:$gateway_backend_port/__admin/health" 60
  for n in $(seq 1 "$BRIDGE_NODES"); do wait_bridge "$n"; done
  wait_http nginx "http://127.0.0.1:$lb_keycloak_port/realms/health/.well-known/openid-configuration" 30
  wait_http nginx "http://127.0.0.1:$lb_bridge_port/actuator/health/readiness" 30
  cluster_env
  say "cluster is up: Keycloak http://127.0.0.1:$lb_keycloak_port (nodes $((keycloak_port_base + 1))..), bridge http://127.0.0.1:$lb_bridge_port, settings $home/cluster.env"
}

# The process names `up` starts, in stopping order.
cluster_names() {
  local n
  echo nginx
  for n in $(seq 1 "$BRIDGE_NODES"); do echo "bridge-$n"; done
  for n in $(seq 1 "$KEYCLOAK_NODES"); do echo "keycloak-$n"; done
  echo gateway
  for n in $(seq 1 "$SENTINELS"); do echo "sentinel-$n"; done
  for n in $(seq 0 "$REDIS_REPLICAS"); do echo "redis-$n"; done
}

cluster_down() {
  cluster_init
  local name pid
  for name in $(cluster_names); do
    if running "$name"; then
      pid=$(cat "$pids/$name.pid")
      cluster_signal TERM "$pid"
      for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      cluster_signal KILL "$pid"
      say "$name stopped"
    fi
    rm -f "$pids/$name.pid"
  done
}

cluster_status() {
  cluster_init
  local name
  for name in $(cluster_names); do
    if running "$name"; then say "$name running (pid $(cat "$pids/$name.pid"))"; else say "$name not running"; fi
  done
  if pg_up; then say "postgres answers on $pg_host:$pg_port (database $pg_database)"; else say "postgres does not answer on $pg_host:$pg_port"; fi
}

# The checks of docs/cluster.md against the running cluster. The fault checks kill and restart processes
# through this script (the driver calls back: bin/healthid cluster kill|restart NAME).
cluster_test() {
  healthid_pick_jdk
  cluster_init
  [ -f "$home/cluster.env" ] && running "keycloak-1" || die "the cluster is not running: bin/healthid cluster up"
  cluster_java vn.healthid.sandbox.stack.cluster.ClusterChecks --env "$home/cluster.env" --control "$root/bin/healthid" "$@"
}

cluster_bench() {
  healthid_pick_jdk
  cluster_init
  [ -f "$home/cluster.env" ] && running "keycloak-1" || die "the cluster is not running: bin/healthid cluster up"
  cluster_java vn.healthid.sandbox.stack.cluster.LoginBenchmark --env "$home/cluster.env" \
    --citizens "${CLUSTER_BENCH_CITIZENS:-1000000}" --control "$root/bin/healthid" "$@"
}

# Used by the fault checks: kill -9 one process of the cluster, or start it again.
cluster_kill() {
  cluster_init
  local name=$1
  running "$name" || die "$name is not running"
  # nginx's workers would outlive a killed master and keep its ports: it is stopped, not killed
  if [ "$name" = nginx ]; then cluster_signal TERM "$(cat "$pids/$name.pid")"; sleep 1; else cluster_signal KILL "$(cat "$pids/$name.pid")"; fi
  rm -f "$pids/$name.pid"
  say "$name killed"
}

cluster_restart() {
  cluster_init
  local name=$1
  case "$name" in
    keycloak-*) cluster_keycloak_node "${name#keycloak-}"; wait_keycloak_node "${name#keycloak-}" ;;
    bridge-*) cluster_bridge "${name#bridge-}"; wait_bridge "${name#bridge-}" ;;
    redis-*)
      # a restarted Redis comes back as a replica of whichever node Sentinel promoted meanwhile
      local n=${name#redis-} master
      master=$(redis-cli -p "$((sentinel_port_base + 1))" sentinel get-master-addr-by-name "$SENTINEL_MASTER" | sed -n 2p)
      cluster_start "$name" redis-server --bind 127.0.0.1 --port "$((redis_port_base + n))" --dir "$home/redis/$n" \
        --appendonly yes --save "" --replicaof 127.0.0.1 "$master"
      ;;
    postgres)
      cluster_postgres_restart
      say "postgres restarted"
      ;;
    *) die "cannot restart $name" ;;
  esac
}

cluster_main() {
  case "${1:-}" in
    up) cluster_up ;;
    test) shift; cluster_test "$@" ;;
    bench) shift; cluster_bench "$@" ;;
    down) cluster_down ;;
    purge) cluster_purge ;;
    status) cluster_status ;;
    kill) cluster_kill "$2" ;;
    restart) cluster_restart "$2" ;;
    *)
      sed -n '1,14p' "$root/bin/lib/cluster.sh" | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
}
