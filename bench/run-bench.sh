#!/usr/bin/env bash
# OrderHub benchmark (README "Performance"); started by ./run.sh bench [options]. Not part of the test suite.
# ./run.sh bench edi [options] runs the EDI benchmark instead (bench/edi-bench.sh).
#
# Each phase loads a server over loopback HTTP from a separate load-generator JVM (src/bench/java):
#   bare   a camel-main app with one platform-http route that discards the order and answers 202
#   (a)    the hub, closed loop with N connections: max accepted orders/s, accept latency, heap
#   (c)    a fresh hub at a fixed rate: accept latency, accepted->DELIVERED latency, QUEUED backlog
# for H2 (file, own temporary directory) and PostgreSQL (own temporary schema; skipped if not reachable).
# The summary is printed and written to target/bench/summary.txt; raw numbers stay in target/bench/<run>/.
#
# ./run.sh bench accuracy [options] measures PDF/scan extraction accuracy instead (see below and README).
#
# Options:
#   --duration S      measured seconds of each phase (60)
#   --warmup S        warm-up seconds before each phase (60: under load the JIT compilers take a core for
#                     about the first 100 s of a hub's life on 2 cores; shorter warm-ups measure compilation).
#                     Before the fixed-rate phase the hub is warmed with this many seconds of closed-loop load,
#                     then waits until its queue is delivered, then the rate phase starts with --rate-warmup
#   --rate-warmup S   seconds at the fixed rate before its measured window (30: with 10 the window opened while
#                     the JIT still took CPU, and its first 20 s caught up with a queue of requests built then)
#   --connections N   concurrent connections of the generator (128)
#   --rate N          orders/s of the fixed-rate phase (1000)
#   --db LIST         h2, pg or h2,pg (h2,pg)
#   --quick           smoke run: 10 s phases after 3 s warm-up
#   --skip-build      use target/orderhub.jar and target/test-classes as they are
#   --diagnose        in the middle of each max phase save top -H and a thread dump of the hub
#   --keep            keep the temporary data directory
#   --wait-quiet S    before each phase wait up to S seconds until the rest of the machine uses under 25 % of one
#                     core (0: do not wait); the summary shows per phase how much CPU other processes took
# Environment: BENCH_PORT_BASE (18080; uses base..base+4), BENCH_MGMT_PORT_BASE (19876),
#   PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGDATABASE (test),
#   BENCH_HUB_OPTS extra JVM options of the hub (see HUB_OPTS below).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
# ./run.sh bench edi [options]: the EDI benchmark (bench/edi-bench.sh --help)
if [ "${1:-}" = edi ]; then shift; exec bash bench/edi-bench.sh "$@"; fi

# ./run.sh bench accuracy [--skip-build] [--docs N] [--seed S] [--threshold T] [--noise P] [--sources text,scan,noisy,fax]:
# field-by-field accuracy of PDF templates and OCR over generated documents (io.orderhub.bench.PdfAccuracy);
# printed and written to target/bench/accuracy.txt. Needs tesseract for the scan sources.
if [ "${1:-}" = accuracy ]; then
  shift
  if [ "${1:-}" = --skip-build ]; then
    shift
  else
    echo "building (mvn -q -B -DskipTests -Pbench package)" >&2
    mvn -q -B -DskipTests -Pbench package
  fi
  exec java -Xmx1g -cp "target/test-classes:target/orderhub.jar" io.orderhub.bench.PdfAccuracy "$@"
fi

DURATION=60
WARMUP=60
RATE_WARMUP=30
CONNECTIONS=128
RATE=1000
DBS=h2,pg
BUILD=1
DIAGNOSE=0
KEEP=0
WAIT_QUIET=0
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --rate-warmup) RATE_WARMUP="$2"; shift 2 ;;
    --db) DBS="$2"; shift 2 ;;
    --quick) DURATION=10; WARMUP=3; RATE_WARMUP=3; shift ;;
    --skip-build) BUILD=0; shift ;;
    --diagnose) DIAGNOSE=1; shift ;;
    --keep) KEEP=1; shift ;;
    --wait-quiet) WAIT_QUIET="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$DURATION" "$WARMUP" "$RATE_WARMUP" "$CONNECTIONS" "$RATE" "$WAIT_QUIET"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done

PORT_BASE="${BENCH_PORT_BASE:-18080}"
MGMT_BASE="${BENCH_MGMT_PORT_BASE:-19876}"
PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"; PGDATABASE="${PGDATABASE:-test}"
RUN_ID="$(date -u +%Y%m%dT%H%M%S)"
RESULTS="target/bench/$RUN_ID"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/orderhub-bench.XXXXXX")"
CP="target/test-classes:target/orderhub.jar"
DRAIN_TIMEOUT=120
# Extra JVM options of every hub (e.g. -Dorderhub.erp.concurrency=16 to try a setting); none by default.
HUB_OPTS="${BENCH_HUB_OPTS:-}"

PIDS=()
PG_SCHEMAS=()

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

cleanup() {
  local pid schema
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  for schema in "${PG_SCHEMAS[@]}"; do
    psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$PGDATABASE" -c "drop schema if exists $schema cascade" \
      >/dev/null 2>&1 || log "could not drop schema $schema"
  done
  if [ "$KEEP" = 1 ]; then log "temporary data kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }

# start_java NAME JVM-ARGS... : starts a JVM in the background, output to $WORK/NAME.log; sets STARTED_PID
start_java() {
  local name="$1"; shift
  java "$@" >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

# wait_ready PID URL [curl args...]: polls URL until it answers 2xx, for at most 180 s
wait_ready() {
  local pid="$1" url="$2"; shift 2
  local i
  for i in $(seq 1 360); do
    if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if curl -fs -o /dev/null --max-time 2 "$@" "$url"; then return 0; fi
    sleep 0.5
  done
  return 1
}

# stop_pid PID: SIGTERM, then SIGKILL after 40 s
stop_pid() {
  local pid="$1" i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 80); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.5
  done
  log "process $pid did not stop in 40 s; killing it"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# heap_summary JSTAT-LOG HUB-LOG: peak used heap and old generation (MB) from `jstat -gc` lines
heap_summary() {
  awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
       $1 ~ /^[0-9.]+$/ { u = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (u > m) m = u;
                          if ($col["OU"] > o) o = $col["OU"]; n++ }
       END { if (n > 0) printf "heap.peak.mb=%.1f\nheap.old.peak.mb=%.1f\n", m / 1024, o / 1024;
             printf "heap.samples=%d\n", n }' "$1"
  if grep -q OutOfMemoryError "$2"; then echo "oom=true"; else echo "oom=false"; fi
}

# wait_empty_queue PORT: waits (at most DRAIN_TIMEOUT s) until the hub has no QUEUED and no DELIVERING order
wait_empty_queue() {
  local port="$1" i q d
  for i in $(seq 1 $((DRAIN_TIMEOUT * 2))); do
    q=$(curl -fs -H 'X-API-Key: demo' "http://127.0.0.1:$port/api/orders?status=QUEUED&limit=1" | grep -o '"total" *: *[0-9]*' | grep -o '[0-9]*$')
    d=$(curl -fs -H 'X-API-Key: demo' "http://127.0.0.1:$port/api/orders?status=DELIVERING&limit=1" | grep -o '"total" *: *[0-9]*' | grep -o '[0-9]*$')
    if [ "${q:-1}" = 0 ] && [ "${d:-1}" = 0 ]; then return 0; fi
    sleep 0.5
  done
  log "the queue did not empty in $DRAIN_TIMEOUT s after the warm-up"
}

# busy_pct: % of one core the machine was busy over the next 2 s (all processes)
busy_pct() {
  local a b
  a=($(head -1 /proc/stat)); sleep 2; b=($(head -1 /proc/stat))
  local busy=$(( (b[1] + b[2] + b[3] + b[6] + b[7] + b[8]) - (a[1] + a[2] + a[3] + a[6] + a[7] + a[8]) ))
  local total=$(( busy + (b[4] + b[5]) - (a[4] + a[5]) ))
  echo $(( total > 0 ? busy * 100 * $(nproc) / total : 0 ))
}

# wait_quiet: with --wait-quiet S, waits (at most S s) until the machine is nearly idle
wait_quiet() {
  [ "$WAIT_QUIET" -gt 0 ] || return 0
  local deadline=$((SECONDS + WAIT_QUIET)) pct
  while :; do
    pct=$(busy_pct)
    if [ "$pct" -lt 25 ]; then return 0; fi
    if [ "$SECONDS" -ge "$deadline" ]; then log "machine still busy (${pct} % of a core); going on"; return 0; fi
    log "machine busy (${pct} % of a core used by other processes); waiting"
    sleep 5
  done
}

generator() {
  java -Xms256m -Xmx1g -cp "$CP" io.orderhub.bench.LoadGenerator --host 127.0.0.1 \
    --warmup "$WARMUP" --duration "$DURATION" --connections "$CONNECTIONS" "$@"
}

diagnose_later() {
  local pid="$1" name="$2"
  ( sleep $((WARMUP + DURATION / 2))
    if kill -0 "$pid" 2>/dev/null; then
      top -b -H -n 1 -p "$pid" | head -45 >"$RESULTS/$name-top.txt" 2>&1 || true
      top -b -n 1 | head -20 >"$RESULTS/$name-top-machine.txt" 2>&1 || true
      jstack "$pid" >"$RESULTS/$name-jstack.txt" 2>&1 || true
    fi ) &
}

# run_bare: the bare platform-http route, loaded like the hub's max phase
run_bare() {
  local port=$((PORT_BASE + 1))
  port_free "$port" || { log "port $port is in use"; return 1; }
  log "bare platform-http route on port $port"
  start_java bare -Xmx512m -cp "$CP" io.orderhub.bench.BareCamelApp "$port"
  local pid=$STARTED_PID
  if ! wait_ready "$pid" "http://127.0.0.1:$port/bare/orders" -X POST -H 'Content-Type: application/json' -d '{}'; then
    log "bare app did not start; last lines of its log:"; tail -20 "$WORK/bare.log" >&2; stop_pid "$pid"; return 1
  fi
  wait_quiet
  generator --mode max --port "$port" --path /bare/orders --api-key "" --po-prefix "B$RUN_ID-bare-" \
    --server-pid "$pid" --label "bare max" --out "$RESULTS/bare-max.properties" || log "generator failed (bare)"
  stop_pid "$pid"
}

# hub_phase DB PHASE PORT MGMT-PORT JDBC-URL USER: one fresh hub, one generator phase, then its database report
hub_phase() {
  local db="$1" phase="$2" port="$3" mport="$4" url="$5" user="$6"
  local name="$db-$phase" prefix="B$RUN_ID-$db-$phase-"
  port_free "$port" || { log "port $port is in use"; return 1; }
  log "hub ($db, $phase phase) on port $port"
  hub_flags "$port" "$mport" "$url" "$user" "$WORK/$name-files"
  # shellcheck disable=SC2086
  start_java "$name" -Xmx512m $(hub_gc $HUB_OPTS) $HUB_OPTS "${HUB_FLAGS[@]}" -jar target/orderhub.jar
  local pid=$STARTED_PID
  if ! wait_ready "$pid" "http://127.0.0.1:$port/api/orders?limit=1" -H 'X-API-Key: demo'; then
    log "hub did not start; last lines of its log:"; tail -30 "$WORK/$name.log" >&2; stop_pid "$pid"; return 1
  fi
  jstat -gc "$pid" 1000 >"$WORK/$name.jstat" 2>/dev/null &
  local jstat_pid=$!
  PIDS+=("$jstat_pid")
  wait_quiet
  if [ "$DIAGNOSE" = 1 ] && [ "$phase" = max ]; then diagnose_later "$pid" "$name"; fi
  local po_like
  if [ "$phase" = max ]; then
    generator --mode max --port "$port" --po-prefix "$prefix" --server-pid "$pid" --label "$db max" \
      --out "$RESULTS/$name.properties" || log "generator failed ($name)"
    po_like="$prefix%"
  else
    # JIT warm-up: closed loop (not counted), then until everything it queued is delivered
    log "warming the hub up for the rate phase (${WARMUP} s closed loop, then until its queue is empty)"
    java -Xms256m -Xmx1g -cp "$CP" io.orderhub.bench.LoadGenerator --host 127.0.0.1 --warmup 0 \
      --duration "$WARMUP" --connections "$CONNECTIONS" --mode max --port "$port" --po-prefix "${prefix}J-" \
      --label "$db jit warm-up" --out "$WORK/$name-jit.properties" >/dev/null || log "warm-up failed ($name)"
    wait_empty_queue "$port"
    generator --mode rate --warmup "$RATE_WARMUP" --rate "$RATE" --port "$port" --po-prefix "$prefix" --server-pid "$pid" \
      --backlog-path /api/orders --drain-timeout "$DRAIN_TIMEOUT" --label "$db rate" \
      --out "$RESULTS/$name.properties" || log "generator failed ($name)"
    po_like="${prefix}M-%"
  fi
  kill "$jstat_pid" 2>/dev/null || true
  stop_pid "$pid"
  heap_summary "$WORK/$name.jstat" "$WORK/$name.log" >"$RESULTS/$name-heap.properties"
  cp "$WORK/$name.log" "$RESULTS/$name-hub.log"
  java -cp "$CP" io.orderhub.bench.DeliveryReport --url "$url" --user "$user" --po-like "$po_like" \
    --out "$RESULTS/$name-db.properties" || log "database report failed ($name)"
}

run_h2() {
  local h2opts="MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  hub_phase h2 max "$PORT_BASE" "$MGMT_BASE" "jdbc:h2:file:$WORK/h2-max/orderhub;$h2opts" sa || log "H2 max phase failed"
  hub_phase h2 rate $((PORT_BASE + 2)) $((MGMT_BASE + 2)) "jdbc:h2:file:$WORK/h2-rate/orderhub;$h2opts" sa \
    || log "H2 rate phase failed"
}

pg_reachable() {
  command -v psql >/dev/null && PGCONNECT_TIMEOUT=5 psql -qAt -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" \
    -d "$PGDATABASE" -c 'select 1' >/dev/null 2>&1
}

run_pg() {
  local phase schema i=3
  for phase in max rate; do
    schema="orderhub_bench_$(echo "$RUN_ID" | tr 'A-Z' 'a-z')_$phase"
    psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$PGDATABASE" -c "create schema $schema" >/dev/null \
      || { log "cannot create schema $schema"; return 1; }
    PG_SCHEMAS+=("$schema")
    hub_phase pg "$phase" $((PORT_BASE + i)) $((MGMT_BASE + i)) \
      "jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$schema" "$PGUSER" || log "PostgreSQL $phase phase failed"
    i=$((i + 1))
  done
}

machine_info() {
  echo "OrderHub benchmark, run $RUN_ID (UTC)"
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'),"\
       "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -sr)"
  echo "Java: $(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"
  echo "Load generator: Vert.x HTTP client in a separate JVM on the same cores; bench/run-bench.sh $ARGS_TEXT"
}

ARGS_TEXT="--duration $DURATION --warmup $WARMUP --rate-warmup $RATE_WARMUP --connections $CONNECTIONS --rate $RATE --db $DBS"
mkdir -p "$RESULTS"
if [ "$BUILD" = 1 ]; then
  log "building (mvn -q -B -DskipTests -Pbench package)"
  mvn -q -B -DskipTests -Pbench package
fi
[ -f target/orderhub.jar ] && [ -f target/test-classes/io/orderhub/bench/LoadGenerator.class ] \
  || { echo "target/orderhub.jar or the bench classes are missing; run without --skip-build" >&2; exit 1; }

{
  echo "duration=$DURATION"; echo "warmup=$WARMUP"; echo "connections=$CONNECTIONS"; echo "rate=$RATE"
  echo "rate.warmup=$RATE_WARMUP"
  echo "dbs=$DBS"
} >"$RESULTS/config.properties"

run_bare || log "bare phase failed"
case ",$DBS," in *,h2,*) run_h2 ;; esac
case ",$DBS," in
  *,pg,*)
    if pg_reachable; then run_pg; else
      log "PostgreSQL not reachable at $PGHOST:$PGPORT; skipped"
      echo "pg.status=not reachable" >>"$RESULTS/config.properties"
    fi ;;
esac

{
  machine_info
  echo
  java -cp "$CP" io.orderhub.bench.BenchSummary "$RESULTS"
  echo
  echo "Raw numbers: $RESULTS/"
} >"$RESULTS/summary.txt"
cp "$RESULTS/summary.txt" target/bench/summary.txt
cat target/bench/summary.txt
