package io.orderhub.ops;

import io.orderhub.support.Database;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Registers the hub's own health checks, {@code database} and {@code erp}, next to Camel's (context, routes,
 * consumers) that {@code /observe/health}, {@code /observe/health/ready} and {@code /observe/health/live} report.
 *
 * <p>Readiness: both. Liveness: the database only when it is the embedded H2 (part of this process); an
 * unreachable PostgreSQL server or ERP is not fixed by restarting the hub.
 */
public final class HealthChecks {

    public static final String GROUP = "orderhub";

    private HealthChecks() {
    }

    /**
     * @param erpUrl            {@code orderhub.erp.url}: its host and port are connected to
     * @param erpHealthUrl      {@code orderhub.erp.health-url}: if not blank, GET it instead (2xx = reachable)
     * @param timeout           for each check
     * @param erpGatesReadiness whether an unreachable ERP makes the hub not ready
     */
    public static void register(CamelContext context, Database db, String erpUrl, String erpHealthUrl,
                                Duration timeout, boolean erpGatesReadiness) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            throw new IllegalStateException("No health-check registry: is camel-health on the classpath and"
                    + " camel.health.enabled=true?");
        }
        ExecutorService probes = context.getExecutorServiceManager()
                .newSingleThreadExecutor(HealthChecks.class, "orderhub-health-database");
        registry.register(new DatabaseHealthCheck(db.dataSource(), db.dialect().name(), timeout,
                db.dialect() == Database.Dialect.H2, probes));
        registry.register(erpHealthUrl == null || erpHealthUrl.isBlank()
                ? ErpHealthCheck.tcp(erpUrl, timeout, erpGatesReadiness)
                : ErpHealthCheck.http(erpHealthUrl, timeout, erpGatesReadiness));
    }
}
