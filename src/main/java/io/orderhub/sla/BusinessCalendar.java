package io.orderhub.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business hours in a time zone: opening intervals per weekday, and holidays on which nothing counts. Adds a
 * duration of business time to an instant — the SLA window of an order received on Friday 17:30 with Mon–Fri
 * 08:00–18:00 and two hours to go ends on Monday 09:30 local time. Daylight-saving changes are handled by
 * java.time: an interval's ends are local times on their date.
 */
public final class BusinessCalendar {

    /** One opening interval of a day, {@code start} inclusive, {@code end} exclusive; end 00:00 means midnight. */
    public record Interval(LocalTime start, LocalTime end) {
        public Interval {
            if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
                throw new IllegalArgumentException("interval " + start + "-" + end + " ends before it starts");
            }
        }
    }

    /** Days searched for business time before giving up: a calendar with no open day in ten years is broken. */
    static final int MAX_DAYS = 3660;

    /** The calendar of an agreement without one: every hour counts. */
    public static final BusinessCalendar ALWAYS = new BusinessCalendar("always", java.time.ZoneOffset.UTC, null, Set.of());

    private final String id;
    private final ZoneId zone;
    /** null: around the clock */
    private final Map<DayOfWeek, List<Interval>> hours;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(String id, ZoneId zone, Map<DayOfWeek, List<Interval>> hours, Set<LocalDate> holidays) {
        this.id = id;
        this.zone = zone;
        if (hours != null) {
            Map<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
            hours.forEach((day, intervals) -> copy.put(day, intervals.stream()
                    .sorted(java.util.Comparator.comparing(Interval::start)).toList()));
            if (copy.values().stream().allMatch(List::isEmpty)) {
                throw new IllegalArgumentException("calendar " + id + " has no business hours on any day");
            }
            this.hours = copy;
        } else {
            this.hours = null;
        }
        this.holidays = Set.copyOf(holidays);
    }

    public String id() {
        return id;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant at which {@code amount} of business time has passed after {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative duration " + amount);
        }
        if (hours == null) {
            return start.plus(amount);
        }
        Duration left = amount;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
            if (holidays.contains(date)) {
                continue;
            }
            for (Interval interval : hours.getOrDefault(date.getDayOfWeek(), List.of())) {
                Instant open = ZonedDateTime.of(date, interval.start(), zone).toInstant();
                Instant close = interval.end().equals(LocalTime.MIDNIGHT)
                        ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(date, interval.end(), zone).toInstant();
                Instant from = start.isAfter(open) ? start : open;
                if (!from.isBefore(close)) {
                    continue;
                }
                Duration available = Duration.between(from, close);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + id + " has no business time in " + MAX_DAYS + " days after "
                + start);
    }
}
