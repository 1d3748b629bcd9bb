package io.orderhub.queue;

import io.orderhub.validation.Partner;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Priority and due time of a new order from its partner's agreement (priority class, processing window in hours).
 * Business-hour calendars come with the SLA work; for now the window runs on the clock.
 */
public final class SlaPolicy {

    private final int defaultPriority;
    private final double defaultHours;

    public SlaPolicy(int defaultPriority, double defaultHours) {
        this.defaultPriority = defaultPriority;
        this.defaultHours = defaultHours;
    }

    public int priority(Optional<Partner> partner) {
        return partner.map(Partner::priority).filter(p -> p >= 1 && p <= 9).orElse(defaultPriority);
    }

    public Instant dueAt(Optional<Partner> partner, Instant receivedAt) {
        double hours = partner.map(Partner::slaHours).filter(h -> h > 0).orElse(defaultHours);
        return receivedAt.plus(Duration.ofSeconds(Math.round(hours * 3600)));
    }
}
