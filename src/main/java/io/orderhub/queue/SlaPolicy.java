package io.orderhub.queue;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.sla.BusinessCalendar;
import io.orderhub.sla.Calendars;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerSla;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Priority, due time and at-risk time of a new order from the agreement that applies to it: the {@code sla:} block
 * of its customer in the partner profile, else of its partner, else the partner's {@code priority} and
 * {@code slaHours}, else the {@code orderhub.sla.*} defaults — field by field. The window is counted in the
 * agreement's business-hours calendar (none: around the clock).
 */
public final class SlaPolicy {

    /** The agreement for one order, all fields resolved. */
    public record Terms(int priority, Duration window, BusinessCalendar calendar, double atRiskPercent,
                        Duration atRiskBefore) {

        public Instant dueAt(Instant receivedAt) {
            return calendar.plus(receivedAt, window);
        }

        /**
         * From when the order is at risk: when less than {@code atRiskPercent} of the window or less than
         * {@code atRiskBefore} is left, whichever comes first, in business time.
         */
        public Instant atRiskAt(Instant receivedAt) {
            Duration share = Duration.ofMillis(Math.round(window.toMillis() * atRiskPercent / 100.0));
            Duration threshold = share.compareTo(atRiskBefore) > 0 ? share : atRiskBefore;
            Duration until = window.minus(threshold);
            return calendar.plus(receivedAt, until.isNegative() ? Duration.ZERO : until);
        }
    }

    /** What the queue stores for a new order. */
    public record Plan(int priority, Instant dueAt, Instant atRiskAt) {
    }

    private final int defaultPriority;
    private final Duration defaultWindow;
    private final String defaultCalendar;
    private final double defaultAtRiskPercent;
    private final Duration defaultAtRiskBefore;
    private final Calendars calendars;

    /** Around-the-clock windows, at risk in the last 20 % or 30 minutes: the behaviour before calendars. */
    public SlaPolicy(int defaultPriority, double defaultHours) {
        this(defaultPriority, hours(defaultHours), null, 20, Duration.ofMinutes(30), Calendars.none());
    }

    public SlaPolicy(int defaultPriority, Duration defaultWindow, String defaultCalendar, double defaultAtRiskPercent,
                     Duration defaultAtRiskBefore, Calendars calendars) {
        this.defaultPriority = defaultPriority;
        this.defaultWindow = defaultWindow;
        this.defaultCalendar = defaultCalendar == null || defaultCalendar.isBlank() ? null : defaultCalendar.trim();
        this.defaultAtRiskPercent = defaultAtRiskPercent;
        this.defaultAtRiskBefore = defaultAtRiskBefore;
        this.calendars = calendars;
        if (!(defaultAtRiskPercent >= 0 && defaultAtRiskPercent <= 100)) {
            throw new IllegalArgumentException("orderhub.sla.at-risk-percent must be from 0 to 100, is "
                    + defaultAtRiskPercent);
        }
        if (this.defaultCalendar != null && calendars.find(this.defaultCalendar).isEmpty()) {
            throw new IllegalArgumentException("orderhub.sla.default-calendar names calendar '" + this.defaultCalendar
                    + "', which the calendar file does not define (it has " + calendars.ids() + ")");
        }
    }

    /** Resolves every partner's and customer's agreement once, so that a mistake stops the start with its place. */
    public void check(Collection<Partner> partners) {
        for (Partner p : partners) {
            terms(Optional.of(p), null);
            for (Partner.Customer c : p.customers()) {
                if (c.sla() != null) {
                    terms(Optional.of(p), c);
                }
            }
        }
    }

    public Plan plan(Optional<Partner> partner, CanonicalOrder order, Instant receivedAt) {
        Partner.Customer customer = customerOf(partner, order);
        // resolved once per partner and customer object (check() resolved them all at start, so this cannot fail
        // later than it would have); a reloaded partner file brings new objects and so new entries
        Terms terms = resolved.computeIfAbsent(new TermsKey(partner.orElse(null), customer),
                k -> terms(partner, customer));
        return new Plan(terms.priority(), terms.dueAt(receivedAt), terms.atRiskAt(receivedAt));
    }

    /** Partner and customer by identity: their records' own equals would compare every field on every order. */
    private record TermsKey(Partner partner, Partner.Customer customer) {
        @Override
        public boolean equals(Object o) {
            return o instanceof TermsKey k && k.partner == partner && k.customer == customer;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(partner) + System.identityHashCode(customer);
        }
    }

    private final java.util.Map<TermsKey, Terms> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    public Terms terms(Optional<Partner> partner, Partner.Customer customer) {
        String where = partner.map(p -> "partner " + p.id()).orElse("default agreement")
                + (customer == null ? "" : ", customer " + customer.id());
        PartnerSla own = customer == null ? null : customer.sla();
        PartnerSla partners = partner.map(Partner::sla).orElse(null);
        Integer priority = first(own, partners, PartnerSla::priority);
        if (priority == null) {
            priority = partner.map(Partner::priority).orElse(null);
        }
        if (priority == null || priority < 1 || priority > 9) {
            priority = defaultPriority;
        }
        String windowText = first(own, partners, PartnerSla::window);
        Duration window = windowText != null ? duration(windowText, where + ": sla.window")
                : partner.map(Partner::slaHours).filter(h -> h > 0).map(SlaPolicy::hours).orElse(defaultWindow);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(where + ": sla.window must be positive, is " + windowText);
        }
        String calendarId = first(own, partners, PartnerSla::calendar);
        BusinessCalendar calendar = BusinessCalendar.ALWAYS;
        String id = calendarId != null ? calendarId : defaultCalendar;
        if (id != null && !"always".equals(id)) {
            calendar = calendars.find(id).orElseThrow(() -> new IllegalArgumentException(where
                    + ": sla.calendar names calendar '" + id + "', which the calendar file does not define (it has "
                    + calendars.ids() + ")"));
        }
        Double percent = first(own, partners, PartnerSla::atRiskPercent);
        if (percent != null && !(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException(where + ": sla.atRiskPercent must be from 0 to 100, is " + percent);
        }
        String before = first(own, partners, PartnerSla::atRiskBefore);
        return new Terms(priority, window, calendar, percent == null ? defaultAtRiskPercent : percent,
                before == null ? defaultAtRiskBefore : duration(before, where + ": sla.atRiskBefore"));
    }

    /** The customer of the partner the order is for: by the order's customer id or any of its buyer's ids. */
    static Partner.Customer customerOf(Optional<Partner> partner, CanonicalOrder order) {
        if (partner.isEmpty() || order == null) {
            return null;
        }
        Stream<String> ids = Stream.of(order.effectiveCustomerId(),
                order.buyer() == null ? null : order.buyer().id(),
                order.buyer() == null ? null : order.buyer().gln(),
                order.buyer() == null ? null : order.buyer().duns());
        return ids.filter(Objects::nonNull).map(id -> partner.get().customer(id)).flatMap(Optional::stream)
                .findFirst().orElse(null);
    }

    private static <T> T first(PartnerSla own, PartnerSla partners, Function<PartnerSla, T> field) {
        T value = own == null ? null : field.apply(own);
        return value != null || partners == null ? value : field.apply(partners);
    }

    static Duration duration(String text, String where) {
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " '" + text + "' is not an ISO-8601 duration such as PT2H,"
                    + " PT30M or P1D");
        }
    }

    static Duration hours(double hours) {
        return Duration.ofSeconds(Math.round(hours * 3600));
    }
}
