#!/usr/bin/env bash
# The queue view's query benchmark (README "Web console"): ./run.sh bench console [options]
#   --orders N    orders in each database (100000)
#   --runs N      timed runs per query (200), after --warmup N untimed ones (50)
#   --db LIST     h2, pg or h2,pg (h2,pg); PostgreSQL from PGHOST/PGPORT/PGUSER/PGDATABASE (127.0.0.1/5432/postgres/test)
#   --only TEXT   only the queries whose name contains TEXT (e.g. "kpi touchless"); the data is filled all the same
#   --skip-build  use target/orderhub.jar and target/test-classes as they are
# Prints p50/p95/max per query; writes target/bench/console-summary.txt and the plans to target/bench/console-plans-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=1
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
if [ "$BUILD" = 1 ]; then
  echo "[console-bench] building (mvn -q -B -DskipTests -Pbench package)" >&2
  mvn -q -B -DskipTests -Pbench package
fi
[ -f target/test-classes/io/orderhub/bench/QueueQueryBench.class ] \
  || { echo "the bench classes are missing; run without --skip-build" >&2; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)" >&2
exec java -Xmx1g -cp "target/test-classes:target/orderhub.jar" io.orderhub.bench.QueueQueryBench "${ARGS[@]}"
