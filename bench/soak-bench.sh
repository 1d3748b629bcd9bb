#!/usr/bin/env bash
# kill -9 soak of the hub on its embedded H2 default (README "Durability", bench/README.md "Crash soak");
# started by ./run.sh bench soak [options]. Not part of the test suite.
#
# One queue database, many hub lives: each cycle starts the hub as a child JVM, loads it with orders over HTTP and
# SIGKILLs it at a random moment of one phase (startup, intake, delivery, shutdown, migration on a fresh database),
# then checks the database with plain JDBC; the next start must come up with no H2 error in its log. At the end a
# last hub delivers everything: every order that got a 202 is there once and booked once by the ERP stand-in (which
# runs in the soak's JVM and survives the kills). io.orderhub.crash.CrashSoak (src/bench/java) does the work.
#
# Options:
#   --cycles N      kill cycles (20)
#   --minutes M     stop starting cycles after M minutes (0: no limit)
#   --db h2|pg      the queue database (h2); pg uses PGHOST/PGPORT/PGUSER/PGDATABASE like the tests
#   --seed S        random seed (printed at the start) to repeat a run's choices
#   --phases LIST   only these kill phases (startup,intake,delivery,shutdown,migration: all)
#   --hub-prop K=V  a hub property for every start (repeatable), e.g. orderhub.db.h2-compact-enabled=true
#   --skip-build    use target/classes and target/test-classes as they are
# Writes target/bench/soak-<run>/: soak.txt (per cycle and summary), logs/ (every hub log), failure-<cycle>/ (the
# H2 files and hub logs of a failed check); the summary is copied to target/bench/soak-summary.txt.
# The run works on a copy of the compiled classes, so a build during a long soak does not change what it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=1
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) BUILD=0; shift ;;
    --cycles|--minutes|--db|--seed|--phases|--hub-prop) ARGS+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

RUN_ID="$(date -u +%Y%m%dT%H%M%S)"
RESULTS="target/bench/soak-$RUN_ID"
mkdir -p "$RESULTS"
log() { echo "[soak-bench $(date +%H:%M:%S)] $*" >&2; }

if [ "$BUILD" = 1 ]; then
  log "building (mvn -q -B -DskipTests -Pbench test-compile)"
  mvn -q -B -DskipTests -Pbench test-compile
fi
[ -f target/test-classes/io/orderhub/crash/CrashSoak.class ] \
  || { echo "the bench classes are missing; run without --skip-build" >&2; exit 1; }
mvn -q -B -Pbench dependency:build-classpath -Dmdep.outputFile="$RESULTS/classpath.txt" >/dev/null
mkdir -p "$RESULTS/classes"
cp -r target/classes "$RESULTS/classes/main"
cp -r target/test-classes "$RESULTS/classes/test"
CP="$RESULTS/classes/test:$RESULTS/classes/main:$(cat "$RESULTS/classpath.txt")"

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "java: $(java -version 2>&1 | head -1); H2 $(grep -o '<h2.version>[^<]*' pom.xml | cut -d'>' -f2)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "uptime at start: $(uptime)"
} | tee "$RESULTS/machine.txt"

status=0
java -Xmx512m -cp "$CP" io.orderhub.crash.CrashSoak --out "$RESULTS" "${ARGS[@]}" || status=$?
echo "uptime at the end: $(uptime)" | tee -a "$RESULTS/machine.txt"
cat "$RESULTS/machine.txt" "$RESULTS/soak.txt" >target/bench/soak-summary.txt
rm -rf "$RESULTS/classes" "$RESULTS/work"
log "per cycle and summary: $RESULTS/soak.txt (copied to target/bench/soak-summary.txt)"
exit "$status"
