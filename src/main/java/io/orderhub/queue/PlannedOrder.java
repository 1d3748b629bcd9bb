package io.orderhub.queue;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.Problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order about to be written: its id, what validation found, and its place in the queue (priority, due time) and
 * from when it is at risk of missing its due time.
 */
public record PlannedOrder(UUID id, MappedOrder mapped, List<Problem> problems, int priority, Instant dueAt,
                           Instant atRiskAt) {
    public PlannedOrder {
        problems = List.copyOf(problems);
    }

    /** An order at risk only once it is due. */
    public PlannedOrder(UUID id, MappedOrder mapped, List<Problem> problems, int priority, Instant dueAt) {
        this(id, mapped, problems, priority, dueAt, dueAt);
    }
}
