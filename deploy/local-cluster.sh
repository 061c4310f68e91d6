#!/usr/bin/env bash
# A LogiCode cluster on loopback: a MariaDB primary and a replica (real binlog replication), 3 api processes,
# 2 workers and nginx in front, on the machine's Redis. Proctor events and code snapshots are sharded by user id
# over two shard databases (DATABASE_SHARD_URLS) on the primary's server.
#
#   deploy/local-cluster.sh start            start what is not running (idempotent)
#   deploy/local-cluster.sh stop [name...]   stop everything, or the named parts (e.g. mariadb-replica, api-2)
#   deploy/local-cluster.sh status           pids, replication state, /readyz through nginx
#   deploy/local-cluster.sh purge            stop, then delete the state directory (databases included)
#
# Why a primary of our own: the machine's MariaDB (127.0.0.1:3306) runs with log_bin=OFF, and log_bin is not a
# dynamic variable: enabling it means restarting a server other people use. So the pair is ours, on two new ports.
# Every process is started directly (no wrappers), its pid recorded in $STATE/pids; stop kills exactly those pids.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${LOGICODE_CLUSTER_DIR:-/tmp/logicode-cluster}"
PRIMARY_PORT="${CLUSTER_PRIMARY_PORT:-3307}"
REPLICA_PORT="${CLUSTER_REPLICA_PORT:-3308}"
NGINX_PORT="${CLUSTER_NGINX_PORT:-8080}"
API_PORTS=(3001 3002 3003)      # the upstreams in deploy/nginx.conf
WORKERS=2
WORKER_METRICS_PORTS=(9461 9462)   # worker-N serves /metrics, /healthz, /readyz here
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
REDIS_PREFIX="${CLUSTER_REDIS_PREFIX:-logicode-cluster:}"
DB_NAME=logicode
# Shard databases for proctor_events and code_snapshots (userId mod 2). On one machine they share the primary's
# server (and replicate with it); in production each would be a server of its own.
SHARD_DBS=(logicode_shard_0 logicode_shard_1)
PIDS="$STATE/pids"
LOGS="$STATE/logs"

log() { printf '[local-cluster] %s\n' "$*"; }
pid_of() { [[ -f "$PIDS/$1.pid" ]] && cat "$PIDS/$1.pid" || true; }
alive() { local pid; pid="$(pid_of "$1")"; [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; }

wait_for() { # wait_for <what> <seconds> <command...>
  local what="$1" seconds="$2"; shift 2
  for _ in $(seq 1 $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  log "timed out waiting for $what"; return 1
}

sql() { # sql <primary|replica> <statement>
  mariadb --no-defaults --socket="$STATE/mariadb-$1/mysqld.sock" -uroot -N -e "$2"
}

start_mariadb() { # start_mariadb <primary|replica> <port> <server-id>
  local role="$1" port="$2" id="$3" dir="$STATE/mariadb-$1"
  alive "mariadb-$role" && return 0
  if [[ ! -d "$dir/data/mysql" ]]; then
    mkdir -p "$dir/data"
    mariadb-install-db --no-defaults --user=root --datadir="$dir/data" --auth-root-authentication-method=normal \
      --skip-test-db >"$LOGS/mariadb-$role-install.log" 2>&1
  fi
  local extra=(--log-bin="$dir/data/binlog" --binlog-format=ROW)
  [[ "$role" == replica ]] && extra=(--relay-log="$dir/data/relay" --read-only=ON --log-slave-updates=OFF)
  mariadbd --no-defaults --user=root --datadir="$dir/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" --server-id="$id" --log-error="$LOGS/mariadb-$role.log" \
    --innodb-buffer-pool-size=128M --max-connections=500 "${extra[@]}" >/dev/null 2>&1 &
  echo $! >"$PIDS/mariadb-$role.pid"
  wait_for "mariadb-$role" 60 sql "$role" 'select 1'
  log "mariadb-$role on 127.0.0.1:$port (pid $(pid_of "mariadb-$role"))"
}

setup_replication() {
  # Accounts are created on the primary and reach the replica through the binlog, like everything else.
  if [[ -z "$(sql primary "select user from mysql.user where user='repl'")" ]]; then
    sql primary "CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl'; GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';"
  fi
  local state; state="$(sql replica "select count(*) from information_schema.processlist where command like 'Slave%' or user='system user'")"
  if [[ "$state" == 0 ]]; then
    sql replica "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$PRIMARY_PORT, MASTER_USER='repl', MASTER_PASSWORD='repl', MASTER_USE_GTID=slave_pos; START SLAVE;"
  fi
  if [[ -z "$(sql primary "select user from mysql.user where user='logicode'")" ]]; then
    sql primary "CREATE USER 'logicode'@'127.0.0.1' IDENTIFIED BY 'logicode'; GRANT ALL ON *.* TO 'logicode'@'127.0.0.1';
      CREATE USER 'reader'@'127.0.0.1' IDENTIFIED BY 'reader'; GRANT SELECT ON *.* TO 'reader'@'127.0.0.1';
      CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  fi
  # Every start (idempotent), so a cluster made before sharding gets its shard databases too.
  for shard in "${SHARD_DBS[@]}"; do
    sql primary "CREATE DATABASE IF NOT EXISTS $shard CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  done
  wait_for "the replica to see the primary's accounts" 30 \
    bash -c "[[ -n \"\$(mariadb --no-defaults --socket='$STATE/mariadb-replica/mysqld.sock' -uroot -N -e \"select user from mysql.user where user='reader'\")\" ]]"
  log "replication running ($(sql replica "show slave status\G" | grep -c '^Yes$' || true) of 2 threads up)"
}

jwt_secret() {
  [[ -f "$STATE/jwt-secret" ]] || head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$STATE/jwt-secret"
  cat "$STATE/jwt-secret"
}

shard_urls() {
  local urls=() shard
  for shard in "${SHARD_DBS[@]}"; do urls+=("mysql://logicode:logicode@127.0.0.1:$PRIMARY_PORT/$shard"); done
  (IFS=,; echo "${urls[*]}")
}

start_node() { # start_node <name> <command> <env...>: node runs main.ts itself, so the recorded pid is the process.
  local name="$1" command="$2"; shift 2
  alive "$name" && return 0
  (cd "$ROOT" && exec env -i PATH="$PATH" HOME="${HOME:-/root}" NODE_ENV=production LOG_LEVEL=warn \
    DATABASE_URL="mysql://logicode:logicode@127.0.0.1:$PRIMARY_PORT/$DB_NAME" \
    DATABASE_READ_URL="mysql://reader:reader@127.0.0.1:$REPLICA_PORT/$DB_NAME" DATABASE_SHARD_URLS="$(shard_urls)" \
    REDIS_URL="$REDIS_URL" REDIS_PREFIX="$REDIS_PREFIX" JWT_SECRET="$(jwt_secret)" COOKIE_SECURE=false TRUST_PROXY=true \
    SEED_DEMO="${SEED_DEMO:-true}" REDIS_PERSISTENCE_CHECK="${REDIS_PERSISTENCE_CHECK:-log}" \
    "$@" node --import tsx apps/cli/src/main.ts "$command" >>"$LOGS/$name.log" 2>&1) &
  echo $! >"$PIDS/$name.pid"
}

start_apis() {
  local index=0
  for port in "${API_PORTS[@]}"; do
    index=$((index + 1))
    start_node "api-$index" api PORT="$port" HOST=127.0.0.1 DATA_DIR="$STATE/api-$index" WEB_DIST_DIR="$ROOT/apps/web/dist"
    # The first one migrates and seeds; the others start on a ready schema.
    wait_for "api-$index" 120 curl -fsS "http://127.0.0.1:$port/readyz"
    log "api-$index on 127.0.0.1:$port (pid $(pid_of "api-$index"))"
  done
}

start_workers() {
  local index log offset
  for index in $(seq 1 "$WORKERS"); do
    alive "worker-$index" && continue
    log="$LOGS/worker-$index.log"
    offset=$(( $( [[ -f "$log" ]] && wc -c <"$log" || echo 0) + 1 ))
    # A killed worker's job is taken over after QUEUE_LOCK_MS (5 s here; 30 s by default).
    start_node "worker-$index" worker WORKER_CONCURRENCY=1 QUEUE_LOCK_MS=5000 DATA_DIR="$STATE/worker-$index" \
      WORKER_METRICS_PORT="${WORKER_METRICS_PORTS[$((index - 1))]}"
    # Up means consuming (events, jobs): on a loaded machine its start takes seconds, and callers of `start`
    # (the cluster test) send events right away. The log is appended to, so only what this start wrote counts.
    wait_for "worker-$index" 120 bash -c "tail -c +$offset '$log' | grep -q 'worker running'"
    log "worker-$index (pid $(pid_of "worker-$index"); metrics on 127.0.0.1:${WORKER_METRICS_PORTS[$((index - 1))]})"
  done
}

start_nginx() {
  alive nginx && return 0
  local dir="$STATE/nginx"
  mkdir -p "$dir"
  sed -e "s|^pid .*|pid $dir/nginx.pid;|" -e "s|^error_log .*|error_log $LOGS/nginx-error.log warn;|" \
    -e "s|/tmp/nginx-logicode-|$dir/tmp-|g" -e "s|listen 8080 |listen $NGINX_PORT |" \
    -e "s|root /srv/logicode/web;|root $ROOT/apps/web/dist;|" "$ROOT/deploy/nginx.conf" >"$dir/nginx.conf"
  nginx -t -p "$dir" -c "$dir/nginx.conf" >"$LOGS/nginx-test.log" 2>&1 || { cat "$LOGS/nginx-test.log"; return 1; }
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >>"$LOGS/nginx.log" 2>&1 &
  echo $! >"$PIDS/nginx.pid"
  wait_for nginx 20 curl -fsS "http://127.0.0.1:$NGINX_PORT/readyz"
  log "nginx on http://127.0.0.1:$NGINX_PORT (pid $(pid_of nginx))"
}

stop_one() { # TERM, wait up to 20 s (apis drain, workers finish jobs), then KILL
  local name="$1" pid; pid="$(pid_of "$name")"
  [[ -z "$pid" ]] && return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { log "$name ($pid) did not stop: KILL"; kill -KILL "$pid" 2>/dev/null || true; }
    log "stopped $name ($pid)"
  fi
  rm -f "$PIDS/$name.pid"
}

ALL_IN_STOP_ORDER=(nginx api-1 api-2 api-3 worker-1 worker-2 mariadb-replica mariadb-primary)

cmd_start() {
  command -v nginx >/dev/null || { log "nginx is missing: apt-get install -y nginx"; exit 1; }
  command -v mariadbd >/dev/null || { log "mariadbd is missing: apt-get install -y mariadb-server"; exit 1; }
  mkdir -p "$PIDS" "$LOGS"
  start_mariadb primary "$PRIMARY_PORT" 101
  start_mariadb replica "$REPLICA_PORT" 102
  setup_replication
  start_apis
  start_workers
  start_nginx
  log "up: http://127.0.0.1:$NGINX_PORT (state in $STATE)"
}

cmd_stop() {
  local names=("$@")
  [[ ${#names[@]} -eq 0 ]] && names=("${ALL_IN_STOP_ORDER[@]}")
  for name in "${names[@]}"; do stop_one "$name"; done
}

cmd_status() {
  for name in "${ALL_IN_STOP_ORDER[@]}"; do
    if alive "$name"; then printf '  %-16s running (pid %s)\n' "$name" "$(pid_of "$name")"; else printf '  %-16s stopped\n' "$name"; fi
  done
  if alive mariadb-replica; then
    mariadb --no-defaults --socket="$STATE/mariadb-replica/mysqld.sock" -uroot -e 'show slave status\G' \
      | grep -E 'Slave_(IO|SQL)_Running:|Seconds_Behind_Master' | sed 's/^ */  /' || true
  fi
  if alive mariadb-primary; then
    local shard
    for shard in "${SHARD_DBS[@]}"; do
      printf '  %-16s %s proctor events\n' "$shard" "$(sql primary "select count(*) from $shard.proctor_events" 2>/dev/null || echo '?')"
    done
  fi
  printf '  nginx /readyz: %s\n' "$(curl -fsS "http://127.0.0.1:$NGINX_PORT/readyz" 2>/dev/null || echo 'not answering')"
  local port
  for port in "${WORKER_METRICS_PORTS[@]}"; do
    printf '  worker :%s /readyz: %s\n' "$port" "$(curl -sS "http://127.0.0.1:$port/readyz" 2>/dev/null || echo 'not answering')"
  done
}

case "${1:-}" in
  start) cmd_start ;;
  stop) shift; cmd_stop "$@" ;;
  status) cmd_status ;;
  purge) cmd_stop; rm -rf "$STATE"; log "deleted $STATE" ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
