package io.orderhub.queue;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Read models of the queue, shaped as the API returns them. JSON columns are passed through unparsed. */
public final class OrderViews {

    private OrderViews() {
    }

    public record OrderSummary(UUID id, String status, String channel, String sender, String customerId,
                               String poNumber, LocalDate orderDate, String currency, int lineCount, int priority,
                               Instant dueAt, Instant receivedAt, Instant updatedAt, String erpOrderNumber,
                               int attempts, String slaState, Instant atRiskAt, String url) {
    }

    /** An order on the exception desk: its queue fields and why it is there. */
    public record ExceptionItem(@com.fasterxml.jackson.annotation.JsonUnwrapped OrderSummary order,
                                @JsonRawValue String problems, UUID duplicateOf, @JsonRawValue String lastError) {
    }

    /** Where an order stands against its due time; {@code alertedAt}: when its one alert was sent. */
    public record Sla(String state, Instant dueAt, Instant atRiskAt, Instant alertedAt) {
    }

    public record Event(long id, Instant at, String actor, String type, String fromStatus, String toStatus,
                        @JsonRawValue String detail) {
    }

    public record OrderDetail(UUID id, String status, String channel, String sender, String customerId,
                              String poNumber, int priority, Instant dueAt, Instant receivedAt, Instant updatedAt,
                              String erpOrderNumber, int attempts, UUID duplicateOf,
                              @JsonRawValue String problems, @JsonRawValue String lastError,
                              UUID documentId, String documentUrl, int position,
                              @JsonRawValue String order, @JsonRawValue String provenance, List<Event> events,
                              int version, Sla sla) {
    }

    public record Page<T>(List<T> items, int offset, int limit, long total) {
    }

    public record DocumentMeta(UUID id, Instant receivedAt, String channel, String source, String client,
                               String sender, String contentType, String format, String checksumSha256,
                               int sizeBytes, String status, @JsonRawValue String problems, List<UUID> orders) {
    }

    public record StoredDocument(DocumentMeta meta, byte[] content) {
    }
}
