package io.orderhub.queue;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.Problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order about to be written: its id, what validation found, and its place in the queue (priority, due time). */
public record PlannedOrder(UUID id, MappedOrder mapped, List<Problem> problems, int priority, Instant dueAt) {
    public PlannedOrder {
        problems = List.copyOf(problems);
    }
}
