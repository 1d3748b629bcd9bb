package io.orderhub.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.model.Problem;
import io.orderhub.support.Database;
import io.orderhub.support.Ids;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Dashboards people compose from the KPI widgets, kept per owner (the actor who saved it: a user or an API client).
 * A definition is {@code {"widgets": [{"widget": "received", "groupBy": "channel", "period": "P7D",
 * "channel": "...", "customer": "..."}]}}; it is checked when saved, and every problem is named with its path.
 */
public final class Dashboards {

    public record Dashboard(UUID id, String owner, String name, JsonNode definition, Instant updatedAt, int version) {
    }

    /** Saving refused: what is wrong, by JSON pointer into the request. */
    public static final class InvalidDashboard extends RuntimeException {
        private final List<Problem> problems;

        InvalidDashboard(List<Problem> problems) {
            super(problems.size() + " problem(s) in the dashboard");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;

    public Dashboards(Database db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** The problems of a definition; empty if it can be saved. */
    public static List<Problem> check(String name, JsonNode definition) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new Problem("/name", "required", "a dashboard needs a name"));
        } else if (name.length() > 200) {
            problems.add(new Problem("/name", "too-long", "the name has " + name.length() + " characters; at most 200"));
        }
        JsonNode widgets = definition == null ? null : definition.get("widgets");
        if (widgets == null || !widgets.isArray() || widgets.isEmpty()) {
            problems.add(new Problem("/definition/widgets", "required", "give at least one widget"));
            return problems;
        }
        for (int i = 0; i < widgets.size(); i++) {
            JsonNode w = widgets.get(i);
            String at = "/definition/widgets/" + i;
            String widget = w.path("widget").asText(null);
            if (widget == null || !Kpis.WIDGETS.containsKey(widget)) {
                problems.add(new Problem(at + "/widget", "unknown-widget", "'" + widget + "' is not one of "
                        + Kpis.WIDGETS.keySet()));
            }
            String group = w.path("groupBy").asText(null);
            if (group != null && !Kpis.GROUPS.containsKey(group)) {
                problems.add(new Problem(at + "/groupBy", "unknown-group", "'" + group + "' is not one of "
                        + new java.util.TreeSet<>(Kpis.GROUPS.keySet())));
            }
            String period = w.path("period").asText(null);
            if (period != null) {
                try {
                    if (Duration.parse(period).isNegative() || Duration.parse(period).isZero()) {
                        problems.add(new Problem(at + "/period", "bad-period", "the period must be positive"));
                    }
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(at + "/period", "bad-period", "'" + period
                            + "' is not an ISO-8601 duration such as P7D or PT24H"));
                }
            }
        }
        return problems;
    }

    public Dashboard create(String owner, String name, JsonNode definition) {
        requireValid(name, definition);
        UUID id = Ids.newId();
        Instant now = clock.instant();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into dashboards (id, owner, name, definition, updated_at)"
                    + " values (?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, owner);
                ps.setString(3, name.strip());
                ps.setString(4, write(definition));
                ps.setTimestamp(5, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
        return new Dashboard(id, owner, name.strip(), definition, now, 0);
    }

    /** Replaces name and definition if the dashboard is the owner's and still at the version given. */
    public Optional<Dashboard> update(UUID id, String owner, int version, String name, JsonNode definition) {
        requireValid(name, definition);
        Instant now = clock.instant();
        int n = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update dashboards set name = ?, definition = ?, updated_at = ?,"
                    + " version = version + 1 where id = ? and owner = ? and version = ?")) {
                ps.setString(1, name.strip());
                ps.setString(2, write(definition));
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setObject(4, id);
                ps.setString(5, owner);
                ps.setInt(6, version);
                return ps.executeUpdate();
            }
        });
        return n == 1 ? get(id, owner) : Optional.empty();
    }

    public boolean delete(UUID id, String owner) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from dashboards where id = ? and owner = ?")) {
                ps.setObject(1, id);
                ps.setString(2, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<Dashboard> get(UUID id, String owner) {
        List<Dashboard> found = find("select id, owner, name, definition, updated_at, version from dashboards"
                + " where id = ? and owner = ?", id, owner);
        return found.stream().findFirst();
    }

    public List<Dashboard> list(String owner) {
        return find("select id, owner, name, definition, updated_at, version from dashboards where owner = ?"
                + " order by name, id", owner);
    }

    private List<Dashboard> find(String sql, Object... args) {
        return db.read(c -> {
            List<Dashboard> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Dashboard(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                read(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getInt(6)));
                    }
                }
            }
            return out;
        });
    }

    private static void requireValid(String name, JsonNode definition) {
        List<Problem> problems = check(name, definition);
        if (!problems.isEmpty()) {
            throw new InvalidDashboard(problems);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dashboard definition is not JSON", e);
        }
    }
}
