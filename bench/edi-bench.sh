#!/usr/bin/env bash
# OrderHub EDI benchmark (README "Performance", bench/README.md "EDI"); started by ./run.sh bench edi [options].
# Not part of the test suite. Phases, each printing its numbers:
#   parse      one thread: our reader + Smooks mappings vs a raw StAEDI event walk (and a validating walk) on the
#              same bytes; EDIFACT ORDERS and X12 850, 3-line and 200-line messages (io.orderhub.bench.EdiParseBench)
#   cartridge  Smooks' own EDI cartridges on the same messages, in a JVM of their own (SmooksCartridgeBench):
#              EDIFACT with edifact:parser (cacheOnDisk, D96A), X12 with edi:parser and bench/dfdl/x12-850.dfdl.xsd
#   e2e        the hub as a process (-Xmx512m, H2): start -> first EDI order committed from a hot folder, three
#              times (empty database without a class-data archive, the JVM writing one at exit as ./run.sh does;
#              restart on that database with the archive; empty database with the archive), then on the last hub
#              3-line EDIFACT orders/s through the hot folder into committed queue rows (EdiHotFolderBench)
#   large      (--large only) the 50 MB interchange in a 256 MB hub (LargeEdiDropTest, a few minutes)
# Environment: HUB_JVM_ARGS, further options for the hub's JVM in the e2e phase (e.g. -Xlog:jit...);
#              DROP_CONCURRENCY, the hot folder's drop.concurrency (default 2, the hub's default).
# Options: --skip-build, --large, --only LIST (parse,cartridge,e2e,large), --cartridge-seconds S (20),
#          --files N (60), --per-file N (500), --large-file N (10000), --warm-rounds N (1: rounds of
#          --files x --per-file before the measured one, for the JIT)
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=1
PHASES=parse,cartridge,e2e
CART_SECONDS=20
FILES=60
PER_FILE=500
WARM_ROUNDS=1
LARGE_FILE=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) BUILD=0; shift ;;
    --large) PHASES="$PHASES,large"; shift ;;
    --only) PHASES="$2"; shift 2 ;;
    --cartridge-seconds) CART_SECONDS="$2"; shift 2 ;;
    --files) FILES="$2"; shift 2 ;;
    --per-file) PER_FILE="$2"; shift 2 ;;
    --warm-rounds) WARM_ROUNDS="$2"; shift 2 ;;
    --large-file) LARGE_FILE="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

RUN_ID="$(date -u +%Y%m%dT%H%M%S)"
RESULTS="target/bench/edi-$RUN_ID"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/orderhub-edi-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$RESULTS"
log() { echo "[edi-bench $(date +%H:%M:%S)] $*" >&2; }
has() { case ",$PHASES," in *,"$1",*) return 0 ;; *) return 1 ;; esac; }

if [ "$BUILD" = 1 ]; then
  log "building (mvn -q -B -DskipTests -Pbench package)"
  mvn -q -B -DskipTests -Pbench package
fi
log "class path of the bench profile (with Smooks' EDIFACT cartridge, test scope)"
mvn -q -B -Pbench dependency:build-classpath -Dmdep.outputFile="$RESULTS/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$RESULTS/classpath.txt")"

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} | tee "$RESULTS/summary.txt"

if has parse; then
  log "parse + map vs raw StAEDI"
  java -Xmx1g -cp "$CP" io.orderhub.bench.EdiParseBench "$RESULTS/messages" | tee "$RESULTS/parse.txt" | tee -a "$RESULTS/summary.txt"
  echo | tee -a "$RESULTS/summary.txt"
fi
if has cartridge; then
  log "Smooks EDI cartridges (the first run ever compiles the D96A schema into .smooks/: minutes)"
  if java -Xmx3g -Djava.io.tmpdir="$WORK" -cp "$CP" io.orderhub.bench.SmooksCartridgeBench "$CART_SECONDS" \
      >"$RESULTS/cartridge.txt" 2>"$RESULTS/cartridge.log"; then
    tee -a "$RESULTS/summary.txt" <"$RESULTS/cartridge.txt"
    left=$(find "$WORK" -mindepth 1 -maxdepth 1 | wc -l)
    echo "entries the cartridge left in its temporary directory: $left" | tee -a "$RESULTS/summary.txt"
  else
    echo "Smooks EDI cartridge FAILED; see $RESULTS/cartridge.log:" | tee -a "$RESULTS/summary.txt"
    grep -m3 -E 'Exception|Error' "$RESULTS/cartridge.log" | tee -a "$RESULTS/summary.txt" || true
  fi
  if [ -f "$RESULTS/parse.txt" ] && [ -s "$RESULTS/cartridge.txt" ]; then
    echo | tee -a "$RESULTS/summary.txt"
    awk 'FNR==NR && /^(edifact|x12)-/ {ours[$1]=$3; raw[$1]=$4; oc[$1]=$8; rc[$1]=$9; next}
         /^(edifact|x12)-/ && ($1 in ours) {printf "%-12s wall: ours %6.0f/s cartridge %7.1f/s ours/cartridge %5.1fx (>= 25x) raw/ours %5.1fx (<= 10x) | CPU: ours %6.0f cartridge %7.1f ours/cartridge %5.1fx raw/ours %5.1fx\n", $1, ours[$1], $2, ours[$1]/$2, raw[$1]/ours[$1], oc[$1], $4, oc[$1]/$4, rc[$1]/oc[$1]}' \
      "$RESULTS/parse.txt" "$RESULTS/cartridge.txt" | tee -a "$RESULTS/summary.txt"
  fi
  echo | tee -a "$RESULTS/summary.txt"
fi
if has e2e; then
  [ -f target/orderhub.jar ] || { echo "target/orderhub.jar missing; run without --skip-build" >&2; exit 1; }
  log "end to end through a hot folder"
  java -Xmx1g -Dedi.bench.hub.jvm-args="${HUB_JVM_ARGS:-}" -Dedi.bench.drop.concurrency="${DROP_CONCURRENCY:-2}" -cp "$CP" io.orderhub.bench.EdiHotFolderBench "$WORK/e2e" "$FILES" "$PER_FILE" "$LARGE_FILE" "$WARM_ROUNDS" \
    | tee "$RESULTS/e2e.txt" | tee -a "$RESULTS/summary.txt"
  for f in "$WORK"/e2e/hub-*.log; do cp "$f" "$RESULTS/e2e-$(basename "$f")" 2>/dev/null || true; done
  echo | tee -a "$RESULTS/summary.txt"
fi
if has large; then
  log "50 MB interchange in a 256 MB hub (LargeEdiDropTest)"
  mvn -B -q test -Dtest=LargeEdiDropTest -Dsurefire.excludedGroups=none 2>&1 | grep -E 'Large EDI drop|Tests run|FAIL' \
    | tee -a "$RESULTS/summary.txt" || true
fi
echo "Raw numbers: $RESULTS/" | tee -a "$RESULTS/summary.txt"
