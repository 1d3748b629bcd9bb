#!/usr/bin/env bash
# One quick trial of a hub setting (README "Performance": the A/B runs of a session). Not part of the test suite.
# Starts one hub on a fresh database, loads it from the bench's load generator and prints one line: accepted
# orders/s, accept latency, orders still QUEUED, group-commit batch sizes and the hub's CPU by thread kind.
#
# ./run.sh bench trial [options] [-- JVM options of the hub, e.g. -Dorderhub.db.commit-linger-us=2000]
#   --name N          label of the trial and its directory under target/bench/trials (trial)
#   --db h2|pg        queue database (h2); pg: a temporary schema in PGHOST/PGPORT/PGUSER/PGDATABASE
#   --connections N   closed loop: concurrent connections (128, as ./run.sh bench)
#   --rate N          instead of the closed loop: N orders/s after a closed-loop JIT warm-up of --warmup s and an
#                     emptied queue, with --rate-warmup s at the rate; prints latency and the QUEUED backlog
#   --rate-warmup S   seconds at the rate before the measured window (30)
#   --warmup S        warm-up seconds (60)
#   --duration S      measured seconds (40)
#   --h2-settings S   appended to the H2 URL, e.g. ';RETENTION_TIME=2000' (h2 only)
#   --skip-build      use target/orderhub.jar and target/test-classes as they are
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
NAME=trial; DB=h2; CONNECTIONS=128; RATE=0; RATE_WARMUP=30; WARMUP=60; DURATION=40; BUILD=1; JVM=(); H2_SETTINGS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --name) NAME="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --rate-warmup) RATE_WARMUP="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --h2-settings) H2_SETTINGS="$2"; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    --) shift; JVM=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ "$BUILD" = 1 ]; then mvn -q -B -DskipTests -Pbench package; fi
CP="target/test-classes:target/orderhub.jar"
[ -f target/test-classes/io/orderhub/bench/LoadGenerator.class ] || { echo "bench classes missing; run without --skip-build" >&2; exit 1; }
PORT="${BENCH_PORT_BASE:-18080}"; MPORT="${BENCH_MGMT_PORT_BASE:-19876}"
W="target/bench/trials/$NAME-$(date -u +%Y%m%dT%H%M%S)"; mkdir -p "$W"
SCHEMA=""
if [ "$DB" = pg ]; then
  SCHEMA="orderhub_trial_$(date +%s)"
  PSQL=(psql -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d "${PGDATABASE:-test}")
  "${PSQL[@]}" -c "create schema $SCHEMA" >/dev/null
  URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/${PGDATABASE:-test}?currentSchema=$SCHEMA"; USER_="${PGUSER:-postgres}"
else
  URL="jdbc:h2:file:$PWD/$W/db/orderhub;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH$H2_SETTINGS"; USER_=sa
fi
hub_flags "$PORT" "$MPORT" "$URL" "$USER_" "$PWD/$W/files"
java -Xmx512m $(hub_gc "${JVM[@]}") "${JVM[@]}" "${HUB_FLAGS[@]}" -jar target/orderhub.jar >"$W/hub.log" 2>&1 &
HUB=$!
cleanup() {
  kill "$HUB" 2>/dev/null && wait "$HUB" 2>/dev/null || true
  if [ -n "$SCHEMA" ]; then "${PSQL[@]}" -c "drop schema $SCHEMA cascade" >/dev/null || true; fi
  rm -rf "$W/db" "$W/files"
}
trap cleanup EXIT
api() { curl -fs -H 'X-API-Key: demo' "http://127.0.0.1:$PORT$1"; }
total() { api "/api/orders?status=$1&limit=1" | grep -o '"total" *: *[0-9]*' | grep -o '[0-9]*$'; }
for _ in $(seq 1 240); do api '/api/orders?limit=1' >/dev/null && break; sleep 0.5; done
gen() { java -Xms256m -Xmx1g -cp "$CP" io.orderhub.bench.LoadGenerator --host 127.0.0.1 --port "$PORT" --connections "$CONNECTIONS" "$@"; }
# per-thread CPU of the hub in the middle of the measured window, summed by thread kind (digits dropped)
threads() {
  local a b
  a=$(for t in /proc/"$HUB"/task/*; do s=$(cat "$t/stat" 2>/dev/null) || continue; n=${s#*(}; n=${n%)*}; f=(${s##*) }); echo "$(basename "$t") ${n//[0-9]/N}|$((f[11] + f[12]))"; done)
  sleep 10
  b=$(for t in /proc/"$HUB"/task/*; do s=$(cat "$t/stat" 2>/dev/null) || continue; n=${s#*(}; n=${n%)*}; f=(${s##*) }); echo "$(basename "$t") ${n//[0-9]/N}|$((f[11] + f[12]))"; done)
  join -t'|' <(echo "$a" | sort) <(echo "$b" | sort) | awk -F'|' '{split($1, k, " "); sub(/^[0-9]+ /, "", $1); d[$1] += $3 - $2; t += $3 - $2}
    END { printf "hub %d%%:", t / 10; for (n in d) if (d[n] >= 20) printf " %s %d%%", n, d[n] / 10; print "" }'
}
if [ "$RATE" -gt 0 ]; then
  gen --mode max --warmup 0 --duration "$WARMUP" --po-prefix "J$NAME-" --label warm --out "$W/jit.properties" >/dev/null
  for _ in $(seq 1 240); do [ "$(total QUEUED)" = 0 ] && break; sleep 0.5; done
  ( sleep $((RATE_WARMUP + DURATION / 2)); threads >"$W/threads.txt" ) &
  SAMPLER=$!
  gen --mode rate --warmup "$RATE_WARMUP" --duration "$DURATION" --rate "$RATE" --po-prefix "R$NAME-" --server-pid "$HUB" \
    --backlog-path /api/orders --drain-timeout 120 --label "$NAME" --out "$W/result.properties" >"$W/generator.log"
else
  ( sleep $((WARMUP + DURATION / 2)); threads >"$W/threads.txt" ) &
  SAMPLER=$!
  gen --mode max --warmup "$WARMUP" --duration "$DURATION" --po-prefix "P$NAME-" --server-pid "$HUB" --label "$NAME" \
    --out "$W/result.properties" >"$W/generator.log"
fi
wait "$SAMPLER" || true
QUEUED=$(total QUEUED || echo '?')
DELIVERED=$(total DELIVERED || echo '?')
kill "$HUB" 2>/dev/null; wait "$HUB" 2>/dev/null || true
DBSIZE=$([ "$DB" = h2 ] && du -sm "$W/db" | cut -f1 || echo '-')
pick() { grep -E "^$1=" "$W/result.properties" | cut -d= -f2; }
echo "$NAME ($DB, ${JVM[*]:-defaults}): accepted/s $(pick accepted.per.s), accept p50/p99 ms $(pick latency.p50.ms)/$(pick latency.p99.ms)," \
  "backlog max $(pick backlog.max || true), H2 file MB $DBSIZE, QUEUED at end $QUEUED, DELIVERED at end $DELIVERED, $(grep -o 'Group commit: .*' "$W/hub.log" || echo 'no shared commits')," \
  "$(cat "$W/threads.txt")" | tee "$W/summary.txt"
