#!/usr/bin/env bash
# OrderHub launcher. Usage:
#   ./run.sh            build if needed, then start the hub (embedded default: H2 under ./data, ERP simulator)
#   ./run.sh dev        the same, reloading route files under routes/ when they change
#   ./run.sh test       the test suite (same as: mvn -B verify)
#   ./run.sh bench      the benchmarks (README "Performance"); long, not part of the test suite
#   ./run.sh bench console   the queue view's queries on 100,000 orders, H2 and PostgreSQL (README "Web console")
#   ./run.sh bench trial one quick closed-loop or fixed-rate trial of a hub setting (bench/trial-bench.sh --help)
#   ./run.sh bench soak kill -9 soak on the embedded H2 default (bench/soak-bench.sh --help)
#   ./run.sh bench edi  the EDI benchmark: parse+map vs raw StAEDI and Smooks' EDI cartridge, hot folder end to end
# Environment: ORDERHUB_PROFILE=prod selects application-prod.properties; JAVA_OPTS is passed to the JVM (a
# collector named there replaces the default Parallel collector, see gc_opts);
# ORDERHUB_CDS=off starts without the class-data archive target/orderhub.jsa (see cds_opts below);
# any orderhub.* key can be set as an environment variable (orderhub.erp.url -> ORDERHUB_ERP_URL).
set -euo pipefail
cd "$(dirname "$0")"   # route files and mappings are read relative to the project root

JAR=target/orderhub.jar

build_if_needed() {
  if [ ! -f "$JAR" ] || [ -n "$(find pom.xml src -newer "$JAR" -print -quit)" ]; then
    echo "Building $JAR ..." >&2
    mvn -q -B -DskipTests package
  fi
}

# Class-data sharing (CDS): the JVM maps the hub's ~11,000 classes from an archive instead of loading and verifying
# them one by one, which takes about a second off every start on a 2-core machine (README "Start-up"). The archive
# is written by the JVM when a hub without one stops normally (Ctrl-C, SIGTERM; not kill -9), and rewritten after
# each build. ORDERHUB_CDS=off starts without it.
CDS_ARCHIVE=target/orderhub.jsa
cds_opts() {
  if [ "${ORDERHUB_CDS:-on}" = off ]; then return; fi
  if [ -f "$CDS_ARCHIVE" ] && [ "$CDS_ARCHIVE" -nt "$JAR" ]; then
    echo "-XX:SharedArchiveFile=$CDS_ARCHIVE -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    rm -f "$CDS_ARCHIVE"
    echo "-XX:ArchiveClassesAtExit=$CDS_ARCHIVE -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# The garbage collector: the Parallel collector unless JAVA_OPTS names one (-XX:+UseG1GC, ...). With the hub's
# 512 MB-class heap its young collections take a few milliseconds, and it leaves more CPU to the orders than G1:
# +20-24 % accepted orders/s in the closed loop and accept p99 25 ms at 1,000 orders/s on a 2-core machine
# (README "Performance").
gc_opts() {
  if [[ ! " ${JAVA_OPTS:-} " =~ \ -XX:\+Use[A-Za-z0-9]+GC\  ]]; then echo "-XX:+UseParallelGC"; fi
}

profile_opts() {
  if [ -n "${ORDERHUB_PROFILE:-}" ]; then echo "-Dcamel.main.profile=${ORDERHUB_PROFILE}"; fi
}

cmd="${1:-run}"
case "$cmd" in
  run)
    build_if_needed
    exec java $(cds_opts) $(gc_opts) ${JAVA_OPTS:-} $(profile_opts) -jar "$JAR"
    ;;
  dev)
    build_if_needed
    exec java $(cds_opts) $(gc_opts) ${JAVA_OPTS:-} $(profile_opts) \
      -Dcamel.main.routes-reload-enabled=true -Dcamel.main.routes-reload-directory=routes \
      -Dcamel.main.routes-reload-pattern='*.camel.yaml' -Dcamel.main.routes-reload-remove-all-routes=false \
      -jar "$JAR"
    ;;
  test)
    exec mvn -B verify
    ;;
  bench)
    shift
    if [ "${1:-}" = soak ]; then
      shift
      exec bash bench/soak-bench.sh "$@"
    fi
    if [ "${1:-}" = trial ]; then
      shift
      exec bash bench/trial-bench.sh "$@"
    fi
    if [ "${1:-}" = console ]; then
      shift
      exec bash bench/console-bench.sh "$@"
    fi
    exec bash bench/run-bench.sh "$@"
    ;;
  *)
    echo "usage: $0 [run|dev|test|bench]" >&2
    exit 2
    ;;
esac
