package io.orderhub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.orderhub.model.OrderStatus;
import io.orderhub.queue.IntakeOutcome;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HubMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final HubMetrics metrics = new HubMetrics(registry,
            new QueueDepth(() -> Map.of("QUEUED", 5L, "NEEDS_REVIEW", 2L), Duration.ofSeconds(5), Runnable::run),
            inFlight::get);

    static IntakeOutcome outcome(String documentStatus, boolean replayed, OrderStatus... statuses) {
        List<IntakeOutcome.OrderOutcome> orders = Arrays.stream(statuses)
                .map(s -> new IntakeOutcome.OrderOutcome(UUID.randomUUID(), "PO", s, null, List.of())).toList();
        return new IntakeOutcome(UUID.randomUUID(), documentStatus, "canonical-json", List.of(), orders, replayed);
    }

    private double value(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void countsEachCommittedOrderByChannelAndStatus() {
        metrics.intakeCommitted("http", outcome(IntakeOutcome.ACCEPTED, false,
                OrderStatus.QUEUED, OrderStatus.QUEUED, OrderStatus.NEEDS_REVIEW));
        metrics.intakeCommitted("sftp", outcome(IntakeOutcome.ACCEPTED, false, OrderStatus.DUPLICATE));

        assertThat(value(HubMetrics.RECEIVED, "channel", "http", "status", "QUEUED")).isEqualTo(2.0);
        assertThat(value(HubMetrics.RECEIVED, "channel", "http", "status", "NEEDS_REVIEW")).isEqualTo(1.0);
        assertThat(value(HubMetrics.RECEIVED, "channel", "http", "status", "DUPLICATE")).isZero();
        assertThat(value(HubMetrics.RECEIVED, "channel", "sftp", "status", "DUPLICATE")).isEqualTo(1.0);
    }

    @Test
    void aReplayedOutcomeCountsNothing() {
        metrics.intakeCommitted("http", outcome(IntakeOutcome.ACCEPTED, true, OrderStatus.QUEUED));
        metrics.intakeCommitted("http", outcome(IntakeOutcome.REJECTED, true));

        assertThat(value(HubMetrics.RECEIVED, "channel", "http", "status", "QUEUED")).isZero();
        assertThat(value(HubMetrics.DOCUMENTS_REJECTED, "channel", "http")).isZero();
    }

    @Test
    void aRejectedDocumentIsCountedPerChannel() {
        metrics.intakeCommitted("mail", outcome(IntakeOutcome.REJECTED, false));

        assertThat(value(HubMetrics.DOCUMENTS_REJECTED, "channel", "mail")).isEqualTo(1.0);
        assertThat(value(HubMetrics.DOCUMENTS_REJECTED, "channel", "http")).isZero();
    }

    @Test
    void erpOutcomesAreCountedPerChannelAndKind() {
        metrics.delivered("http");
        metrics.delivered("http");
        metrics.erpRejected("webhook");
        metrics.erpFailed("http");

        assertThat(value(HubMetrics.DELIVERED, "channel", "http")).isEqualTo(2.0);
        assertThat(value(HubMetrics.ERP_FAILED, "channel", "webhook", "outcome", "rejected")).isEqualTo(1.0);
        assertThat(value(HubMetrics.ERP_FAILED, "channel", "webhook", "outcome", "failed")).isZero();
        assertThat(value(HubMetrics.ERP_FAILED, "channel", "http", "outcome", "failed")).isEqualTo(1.0);
    }

    @Test
    void aMissingChannelIsLabelledUnknownAndCaseIsNormalised() {
        metrics.delivered(null);
        metrics.orderReceived(" HTTP ", OrderStatus.QUEUED);

        assertThat(value(HubMetrics.DELIVERED, "channel", "unknown")).isEqualTo(1.0);
        assertThat(value(HubMetrics.RECEIVED, "channel", "http", "status", "QUEUED")).isEqualTo(1.0);
    }

    @Test
    void theScrapeHasPrometheusNamesEveryChannelAtZeroAndTheGauges() {
        metrics.orderReceived("http", OrderStatus.QUEUED);
        inFlight.set(3);

        String text = registry.scrape();

        assertThat(text).contains("orderhub_orders_received_total{channel=\"http\",status=\"QUEUED\"} 1.0")
                .contains("orderhub_orders_received_total{channel=\"folder\",status=\"NEEDS_REVIEW\"} 0.0")
                .contains("orderhub_documents_rejected_total{channel=\"sftp\"} 0.0")
                .contains("orderhub_orders_delivered_total{channel=\"webhook\"} 0.0")
                .contains("orderhub_orders_erp_failed_total{channel=\"mail\",outcome=\"rejected\"} 0.0")
                .contains("orderhub_orders_erp_failed_total{channel=\"mail\",outcome=\"failed\"} 0.0")
                .contains("orderhub_queue_depth{status=\"QUEUED\"} 5.0")
                .contains("orderhub_queue_depth{status=\"NEEDS_REVIEW\"} 2.0")
                .contains("orderhub_queue_depth{status=\"ERP_FAILED\"} 0.0")
                .contains("orderhub_erp_in_flight 3.0");
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(text).contains("orderhub_queue_depth{status=\"" + status.name() + "\"}");
        }
    }

    @Test
    void bindsAPrometheusRegistryForCamelOrUsesTheOneAlreadyBound() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            MeterRegistry first = HubMetrics.meterRegistry(context);

            assertThat(first).isInstanceOf(PrometheusMeterRegistry.class);
            assertThat(context.getRegistry().lookupByName(MicrometerConstants.METRICS_REGISTRY_NAME)).isSameAs(first);
            assertThat(HubMetrics.meterRegistry(context)).isSameAs(first);
        }
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);

            assertThat(HubMetrics.meterRegistry(context)).isSameAs(registry);
        }
    }
}
