package io.orderhub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The business-hours calendars of {@code mappings/calendars.yaml}, by id:
 * <pre>
 * calendars:
 *   - id: de-office
 *     zone: Europe/Berlin
 *     hours:
 *       mon-fri: "08:00-18:00"          # a day, or a range of days; one interval or a list of them
 *       sat: ["09:00-12:00"]
 *     holidays: ["2026-12-24", "2026-12-25"]
 * </pre>
 * Every mistake is reported with the file, the calendar and the entry it is in; the hub does not start with one.
 */
public final class Calendars {

    private static final Logger LOG = LoggerFactory.getLogger(Calendars.class);
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final Map<String, BusinessCalendar> byId;

    public Calendars(Map<String, BusinessCalendar> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static Calendars none() {
        return new Calendars(Map.of());
    }

    public Optional<BusinessCalendar> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    /** Reads the file; a missing file is no calendars (every window then runs around the clock). */
    public static Calendars load(Path file) {
        if (!Files.exists(file)) {
            LOG.info("No calendar file {}: SLA windows run around the clock", file);
            return none();
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read calendar file " + file + ": " + e.getMessage(), e);
        }
        try {
            Calendars calendars = parse(root);
            LOG.info("Loaded {} business-hours calendars from {}", calendars.byId.size(), file);
            return calendars;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Calendar file " + file + ": " + e.getMessage(), e);
        }
    }

    static Calendars parse(JsonNode root) {
        Map<String, BusinessCalendar> byId = new LinkedHashMap<>();
        JsonNode list = root == null ? null : root.get("calendars");
        if (list == null || list.isNull()) {
            return none();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("'calendars' must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String id = c.path("id").asText("");
            String where = id.isBlank() ? "calendar " + (i + 1) : "calendar " + id;
            if (id.isBlank()) {
                throw new IllegalArgumentException(where + " has no id");
            }
            for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!List.of("id", "zone", "hours", "holidays").contains(field)) {
                    throw new IllegalArgumentException(where + ": unknown entry '" + field
                            + "' (expected id, zone, hours, holidays)");
                }
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(c.path("zone").asText(""));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(where + ": zone '" + c.path("zone").asText("")
                        + "' is not a time zone id such as Europe/Berlin");
            }
            BusinessCalendar calendar;
            try {
                calendar = new BusinessCalendar(id, zone, hours(c.get("hours"), where), holidays(c.get("holidays"), where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage()
                        : where + ": " + e.getMessage(), e);
            }
            if (byId.put(id, calendar) != null) {
                throw new IllegalArgumentException(where + " is defined twice");
            }
        }
        return new Calendars(byId);
    }

    private static Map<DayOfWeek, List<BusinessCalendar.Interval>> hours(JsonNode node, String where) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException(where + ": 'hours' must map days (mon, tue, ... or mon-fri) to"
                    + " intervals such as \"08:00-18:00\"");
        }
        Map<DayOfWeek, List<BusinessCalendar.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<BusinessCalendar.Interval> intervals = new ArrayList<>();
            List<JsonNode> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(values::add);
            } else {
                values.add(e.getValue());
            }
            for (JsonNode v : values) {
                intervals.add(interval(v.asText(""), where + ", hours '" + e.getKey() + "'"));
            }
            for (DayOfWeek day : days(e.getKey(), where)) {
                if (hours.containsKey(day)) {
                    throw new IllegalArgumentException(where + ": hours for " + day + " are given twice");
                }
                hours.put(day, intervals);
            }
        }
        return hours;
    }

    static List<DayOfWeek> days(String key, String where) {
        String[] range = key.trim().toLowerCase(Locale.ROOT).split("-", -1);
        if (range.length > 2 || !DAYS.contains(range[0]) || !DAYS.contains(range[range.length - 1])) {
            throw new IllegalArgumentException(where + ": '" + key + "' is not a day (mon, tue, wed, thu, fri, sat,"
                    + " sun) or a range of days (mon-fri)");
        }
        int from = DAYS.indexOf(range[0]);
        int to = DAYS.indexOf(range[range.length - 1]);
        if (to < from) {
            throw new IllegalArgumentException(where + ": day range '" + key + "' runs backwards");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int d = from; d <= to; d++) {
            days.add(DayOfWeek.of(d + 1));
        }
        return days;
    }

    static BusinessCalendar.Interval interval(String text, String where) {
        String[] parts = text.trim().split("-", -1);
        try {
            if (parts.length != 2) {
                throw new DateTimeException("not two times");
            }
            LocalTime start = LocalTime.parse(parts[0].trim());
            String endText = parts[1].trim();
            LocalTime end = "24:00".equals(endText) ? LocalTime.MIDNIGHT : LocalTime.parse(endText);
            return new BusinessCalendar.Interval(start, end);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not an interval HH:MM-HH:MM"
                    + " (end 24:00 for midnight)");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static Set<LocalDate> holidays(JsonNode node, String where) {
        Set<LocalDate> dates = new HashSet<>();
        if (node == null || node.isNull()) {
            return dates;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + ": 'holidays' must be a list of dates (\"2026-12-25\")");
        }
        for (JsonNode d : node) {
            try {
                dates.add(LocalDate.parse(d.asText("")));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(where + ": holiday '" + d.asText("") + "' is not a date YYYY-MM-DD");
            }
        }
        return dates;
    }
}
