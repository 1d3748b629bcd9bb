package io.orderhub.model;

import java.util.List;

/**
 * What a mapper made of one document: 0..n orders, and the problems that kept parts of it from becoming orders.
 * A result with problems and no orders is a rejected document; it is still stored and shown. {@code envelopes}
 * are the EDI interchanges read, for acknowledgements and the duplicate-interchange check.
 */
public record MappingResult(String format, List<MappedOrder> orders, List<Problem> problems, List<Envelope> envelopes) {
    public MappingResult {
        orders = orders == null ? List.of() : List.copyOf(orders);
        problems = problems == null ? List.of() : List.copyOf(problems);
        envelopes = envelopes == null ? List.of() : List.copyOf(envelopes);
    }

    /** A result without envelope structure (every format but EDI). */
    public MappingResult(String format, List<MappedOrder> orders, List<Problem> problems) {
        this(format, orders, problems, List.of());
    }

    public static MappingResult rejected(String format, List<Problem> problems) {
        return new MappingResult(format, List.of(), problems);
    }

    public boolean rejected() {
        return orders.isEmpty();
    }
}
