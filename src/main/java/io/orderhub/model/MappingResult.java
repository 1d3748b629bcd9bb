package io.orderhub.model;

import java.util.List;

/**
 * What a mapper made of one document: 0..n orders, and the problems that kept parts of it from becoming orders.
 * A result with problems and no orders is a rejected document; it is still stored and shown.
 */
public record MappingResult(String format, List<MappedOrder> orders, List<Problem> problems) {
    public MappingResult {
        orders = orders == null ? List.of() : List.copyOf(orders);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static MappingResult rejected(String format, List<Problem> problems) {
        return new MappingResult(format, List.of(), problems);
    }

    public boolean rejected() {
        return orders.isEmpty();
    }
}
