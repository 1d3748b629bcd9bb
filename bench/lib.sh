# Shared by bench/run-bench.sh and bench/trial-bench.sh (sourced, not run).

# hub_flags PORT MGMT-PORT JDBC-URL USER FILES-DIR: sets the array HUB_FLAGS to the system properties every bench
# hub starts with — loopback only, its own ports, its database, the built-in ERP simulator on its own port and a
# drop-folder base of its own; everything else as shipped.
hub_flags() {
  HUB_FLAGS=(-Dorderhub.http.host=127.0.0.1 -Dorderhub.http.port="$1" -Dorderhub.management.port="$2"
    -Dorderhub.erp.url="http://127.0.0.1:$1/erp-sim/orders" -Dorderhub.db.url="$3" -Dorderhub.db.user="$4"
    -Dorderhub.db.password= -Dorderhub.drop.folder-base="$5")
}

# hub_gc JVM-OPTION...: the collector a bench hub runs with, as ./run.sh starts the hub (its gc_opts): the Parallel
# collector unless the options given name one, so BENCH_HUB_OPTS=-XX:+UseG1GC measures G1 instead.
hub_gc() {
  if [[ ! " $* " =~ \ -XX:\+Use[A-Za-z0-9]+GC\  ]]; then echo "-XX:+UseParallelGC"; fi
}
