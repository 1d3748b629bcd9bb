package io.orderhub.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.orderhub.model.Channel;
import io.orderhub.model.OrderStatus;
import io.orderhub.queue.IntakeOutcome;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.Registry;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The hub's business meters, registered in the Micrometer registry that camel-micrometer-prometheus exposes at
 * {@code /observe/metrics}. Recording is a map lookup and an increment: nothing here touches the database on the
 * hot path; the queue-depth gauge reads through {@link QueueDepth}, which caches.
 *
 * <p>Channel labels are {@link Channel#id()} values ({@code http}, {@code sftp}, ...), as stored in the queue.
 */
public final class HubMetrics {

    /** Exchange property carrying the channel id of the document or order an exchange is about. */
    public static final String CHANNEL = "orderhubChannel";

    static final String RECEIVED = "orderhub.orders.received";
    static final String DOCUMENTS_REJECTED = "orderhub.documents.rejected";
    static final String DELIVERED = "orderhub.orders.delivered";
    static final String ERP_FAILED = "orderhub.orders.erp.failed";
    static final String QUEUE_DEPTH = "orderhub.queue.depth";
    static final String ERP_IN_FLIGHT = "orderhub.erp.in.flight";
    static final String UNKNOWN_CHANNEL = "unknown";
    static final String SLA_ORDERS = "orderhub.sla.orders";

    /** The statuses an order can have right after intake. */
    static final Set<OrderStatus> INTAKE_STATUSES = EnumSet.of(OrderStatus.QUEUED, OrderStatus.NEEDS_REVIEW,
            OrderStatus.DUPLICATE);

    private record Key(String name, String channel, String tag, String value) {
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Counter> counters = new ConcurrentHashMap<>();

    /**
     * Registers the gauges and, at zero, a counter for every known channel, so that rates exist before the first
     * order arrives.
     */
    public HubMetrics(MeterRegistry registry, QueueDepth queueDepth, IntSupplier erpInFlight) {
        this.registry = registry;
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder(QUEUE_DEPTH, queueDepth, q -> q.depth(status))
                    .description("Orders in the queue per status, read from the database (cached briefly)")
                    .tag("status", status.name())
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder(ERP_IN_FLIGHT, erpInFlight, s -> s.getAsInt())
                .description("Orders this instance has claimed and not yet finished delivering to the ERP")
                .strongReference(true)
                .register(registry);
        for (Channel channel : Channel.values()) {
            String id = channel.id();
            INTAKE_STATUSES.forEach(s -> receivedCounter(id, s));
            rejectedCounter(id);
            deliveredCounter(id);
            erpFailedCounter(id, "rejected");
            erpFailedCounter(id, "failed");
        }
    }

    /**
     * The registry Camel's Prometheus endpoint scrapes: the one bound as {@code metricsRegistry}, or a new
     * {@link PrometheusMeterRegistry} bound under that name, which camel-micrometer-prometheus then uses.
     */
    public static MeterRegistry meterRegistry(CamelContext context) {
        Registry beans = context.getRegistry();
        MeterRegistry existing = beans.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (existing != null) {
            return existing;
        }
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        beans.bind(MicrometerConstants.METRICS_REGISTRY_NAME, created);
        return created;
    }

    /**
     * The hub's meters in the context's registry. The queue is counted on a thread of the context, at most once
     * per {@code queueDepthCache}.
     */
    public static HubMetrics create(CamelContext context, Supplier<Map<String, Long>> countByStatus,
                                    IntSupplier erpInFlight, Duration queueDepthCache) {
        QueueDepth depth = new QueueDepth(countByStatus, queueDepthCache,
                context.getExecutorServiceManager().newSingleThreadExecutor(HubMetrics.class, "orderhub-queue-depth"));
        return new HubMetrics(meterRegistry(context), depth, erpInFlight);
    }

    /**
     * The gauge {@code orderhub_sla_orders{state="AT_RISK"|"BREACHED"}}: open orders at risk and past due, counted at
     * most once per {@code cache} on a thread of the context.
     */
    public void slaGauges(CamelContext context, Supplier<Map<String, Long>> openBySlaState, Duration cache) {
        QueueDepth counts = new QueueDepth(openBySlaState, cache,
                context.getExecutorServiceManager().newSingleThreadExecutor(HubMetrics.class, "orderhub-sla-count"));
        slaGauges(counts);
    }

    void slaGauges(QueueDepth openBySlaState) {
        for (String state : List.of("AT_RISK", "BREACHED")) {
            Gauge.builder(SLA_ORDERS, openBySlaState, q -> q.count(state))
                    .description("Open orders (not yet delivered) at risk of missing their due time, or past it")
                    .tag("state", state)
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** What the pipeline committed for one document; a replayed outcome committed nothing and counts nothing. */
    public void intakeCommitted(String channel, IntakeOutcome outcome) {
        if (outcome.replayed()) {
            return;
        }
        if (outcome.rejected()) {
            documentRejected(channel);
        }
        for (IntakeOutcome.OrderOutcome order : outcome.orders()) {
            orderReceived(channel, order.status());
        }
    }

    /** An order was committed by intake, in the given status. */
    public void orderReceived(String channel, OrderStatus status) {
        receivedCounter(label(channel), status).increment();
    }

    /** A document from which no order could be read was rejected (and kept). */
    public void documentRejected(String channel) {
        rejectedCounter(label(channel)).increment();
    }

    /** The ERP accepted an order. */
    public void delivered(String channel) {
        deliveredCounter(label(channel)).increment();
    }

    /** The ERP refused an order for good (ERP_REJECTED). */
    public void erpRejected(String channel) {
        erpFailedCounter(label(channel), "rejected").increment();
    }

    /** Every delivery attempt for an order failed (ERP_FAILED). */
    public void erpFailed(String channel) {
        erpFailedCounter(label(channel), "failed").increment();
    }

    private Counter receivedCounter(String channel, OrderStatus status) {
        return counter(new Key(RECEIVED, channel, "status", status.name()),
                "Orders committed by intake, per channel and the status they were given");
    }

    private Counter rejectedCounter(String channel) {
        return counter(new Key(DOCUMENTS_REJECTED, channel, null, null),
                "Documents from which no order could be read, per channel");
    }

    private Counter deliveredCounter(String channel) {
        return counter(new Key(DELIVERED, channel, null, null), "Orders the ERP accepted, per channel");
    }

    private Counter erpFailedCounter(String channel, String outcome) {
        return counter(new Key(ERP_FAILED, channel, "outcome", outcome),
                "Orders the ERP did not take: rejected for good, or failed after every attempt");
    }

    private Counter counter(Key key, String description) {
        Counter counter = counters.get(key);
        if (counter != null) {
            return counter;
        }
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder b = Counter.builder(k.name()).description(description).tag("channel", k.channel());
            if (k.tag() != null) {
                b.tag(k.tag(), k.value());
            }
            return b.register(registry);
        });
    }

    static String label(String channel) {
        return channel == null || channel.isBlank() ? UNKNOWN_CHANNEL : channel.trim().toLowerCase(Locale.ROOT);
    }
}
