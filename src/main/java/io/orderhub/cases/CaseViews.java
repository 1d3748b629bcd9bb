package io.orderhub.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the cases API shows. */
public final class CaseViews {

    private CaseViews() {
    }

    /** A case in a search result: its orders as ids and PO numbers only. */
    public record CaseSummary(UUID id, String title, String kind, CaseStatus status, String customerId, String openedBy,
                              Instant openedAt, Instant updatedAt, int version, List<LinkedOrder> orders) {
    }

    /** A case with its orders and notes. */
    public record CaseDetail(UUID id, String title, String kind, CaseStatus status, String customerId, String openedBy,
                             Instant openedAt, Instant updatedAt, int version, List<LinkedOrder> orders,
                             List<Note> notes) {
    }

    /** An order linked to a case, with what the queue says of it now. */
    public record LinkedOrder(UUID orderId, String poNumber, String orderStatus, String sender, Instant linkedAt,
                              String linkedBy, String url) {
    }

    public record Note(long id, Instant at, String author, String text) {
    }

    public record Page(List<CaseSummary> items, int offset, int limit, long total) {
    }
}
