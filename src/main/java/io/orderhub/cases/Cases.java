package io.orderhub.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.queue.Events;
import io.orderhub.support.Database;
import io.orderhub.support.Ids;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Customer-service cases in the queue database. Every change is one transaction; linking, unlinking and status
 * changes also write an event on each order concerned, so the order's timeline shows its cases.
 */
public final class Cases {

    /** Why a change was refused. */
    public enum Refusal { NO_SUCH_CASE, NO_SUCH_ORDER, STALE_VERSION, NOT_LINKED }

    /** A refused change, with a message that names what was wrong. */
    public static final class CaseRefused extends RuntimeException {
        private final Refusal refusal;

        CaseRefused(Refusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** A case to open. */
    public record NewCase(String title, String kind, String customerId, List<UUID> orderIds, String note) {
    }

    /** Search filter: q matches title, notes and linked PO numbers (case-insensitive, substring). */
    public record CaseFilter(String q, CaseStatus status, UUID orderId, String customerId, int offset, int limit) {
    }

    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;

    public Cases(Database db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public UUID open(NewCase c, String actor) {
        UUID id = Ids.newId();
        Instant now = clock.instant();
        Set<UUID> orders = new LinkedHashSet<>(c.orderIds());
        db.inTransaction(tx -> {
            requireOrders(tx, orders);
            try (PreparedStatement ps = tx.prepareStatement("insert into cases (id, title, kind, status, customer_id,"
                    + " opened_by, opened_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, c.title());
                ps.setString(3, c.kind());
                ps.setString(4, CaseStatus.OPEN.name());
                ps.setString(5, c.customerId());
                ps.setString(6, actor);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setTimestamp(8, Timestamp.from(now));
                ps.executeUpdate();
            }
            for (UUID order : orders) {
                insertLink(tx, id, c.title(), order, now, actor);
            }
            if (c.note() != null && !c.note().isBlank()) {
                insertNote(tx, id, now, actor, c.note());
            }
            return null;
        });
        return id;
    }

    public Optional<CaseViews.CaseDetail> get(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id, title, kind, status, customer_id, opened_by,"
                    + " opened_at, updated_at, version from cases where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new CaseViews.CaseDetail(id, rs.getString("title"), rs.getString("kind"),
                            CaseStatus.valueOf(rs.getString("status")), rs.getString("customer_id"),
                            rs.getString("opened_by"), instant(rs, "opened_at"), instant(rs, "updated_at"),
                            rs.getInt("version"), linkedOrders(c, List.of(id)).getOrDefault(id, List.of()), notes(c, id)));
                }
            }
        });
    }

    public CaseViews.Page search(CaseFilter f) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.status() != null) {
            where.append(" and k.status = ?");
            args.add(f.status().name());
        }
        if (f.customerId() != null && !f.customerId().isBlank()) {
            where.append(" and k.customer_id = ?");
            args.add(f.customerId());
        }
        if (f.orderId() != null) {
            where.append(" and exists (select 1 from case_orders l where l.case_id = k.id and l.order_id = ?)");
            args.add(f.orderId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            String like = "%" + f.q().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" and (lower(k.title) like ? escape '\\'"
                    + " or exists (select 1 from case_notes n where n.case_id = k.id and lower(n.text) like ? escape '\\')"
                    + " or exists (select 1 from case_orders l join orders o on o.id = l.order_id"
                    + " where l.case_id = k.id and lower(o.po_number) like ? escape '\\'))");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return db.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from cases k" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<CaseViews.CaseSummary> items = new ArrayList<>();
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(f.limit());
            pageArgs.add(f.offset());
            try (PreparedStatement ps = c.prepareStatement("select k.id, k.title, k.kind, k.status, k.customer_id,"
                    + " k.opened_by, k.opened_at, k.updated_at, k.version from cases k" + where
                    + " order by k.updated_at desc, k.id desc limit ? offset ?")) {
                bind(ps, pageArgs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new CaseViews.CaseSummary(rs.getObject("id", UUID.class), rs.getString("title"),
                                rs.getString("kind"), CaseStatus.valueOf(rs.getString("status")),
                                rs.getString("customer_id"), rs.getString("opened_by"), instant(rs, "opened_at"),
                                instant(rs, "updated_at"), rs.getInt("version"), List.of()));
                    }
                }
            }
            Map<UUID, List<CaseViews.LinkedOrder>> links = linkedOrders(c, items.stream().map(CaseViews.CaseSummary::id).toList());
            List<CaseViews.CaseSummary> withOrders = items.stream().map(s -> new CaseViews.CaseSummary(s.id(), s.title(),
                    s.kind(), s.status(), s.customerId(), s.openedBy(), s.openedAt(), s.updatedAt(), s.version(),
                    links.getOrDefault(s.id(), List.of()))).toList();
            return new CaseViews.Page(withOrders, f.offset(), f.limit(), total);
        });
    }

    public CaseViews.Note addNote(UUID caseId, String text, String actor) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            touch(c, caseId, null, now);
            long id = insertNote(c, caseId, now, actor, text);
            return new CaseViews.Note(id, now, actor, text);
        });
    }

    /** Links an order; false if it was linked already (nothing changes then). */
    public boolean link(UUID caseId, UUID orderId, String actor) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            String title = touch(c, caseId, null, now);
            requireOrders(c, Set.of(orderId));
            if (linked(c, caseId, orderId)) {
                return false;
            }
            insertLink(c, caseId, title, orderId, now, actor);
            return true;
        });
    }

    public void unlink(UUID caseId, UUID orderId, String actor) {
        Instant now = clock.instant();
        db.inTransaction(c -> {
            String title = touch(c, caseId, null, now);
            try (PreparedStatement ps = c.prepareStatement("delete from case_orders where case_id = ? and order_id = ?")) {
                ps.setObject(1, caseId);
                ps.setObject(2, orderId);
                if (ps.executeUpdate() != 1) {
                    throw new CaseRefused(Refusal.NOT_LINKED, "order " + orderId + " is not linked to case " + caseId);
                }
            }
            Events.insert(c, orderId, now, actor, "case-unlinked", null, null, detail(caseId, title, null));
            return null;
        });
    }

    /**
     * Sets the status. With an expected version, a case changed by someone else since it was read is refused
     * (STALE_VERSION) instead of overwritten.
     */
    public CaseStatus changeStatus(UUID caseId, CaseStatus status, Integer expectedVersion, String actor) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            CaseStatus before = currentStatus(c, caseId);
            String title = touch(c, caseId, expectedVersion, now);
            try (PreparedStatement ps = c.prepareStatement("update cases set status = ? where id = ?")) {
                ps.setString(1, status.name());
                ps.setObject(2, caseId);
                ps.executeUpdate();
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("before", before.name());
            change.put("after", status.name());
            for (UUID order : linkedOrderIds(c, caseId)) {
                Events.insert(c, order, now, actor, "case-status", null, null, detail(caseId, title, change));
            }
            return before;
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Bumps version and updated_at (guarded by the expected version if given); returns the case's title. */
    private static String touch(Connection c, UUID caseId, Integer expectedVersion, Instant now) throws SQLException {
        String title;
        int version;
        try (PreparedStatement ps = c.prepareStatement("select title, version from cases where id = ? for update")) {
            ps.setObject(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new CaseRefused(Refusal.NO_SUCH_CASE, "no case " + caseId);
                }
                title = rs.getString(1);
                version = rs.getInt(2);
            }
        }
        if (expectedVersion != null && expectedVersion != version) {
            throw new CaseRefused(Refusal.STALE_VERSION, "case " + caseId + " is at version " + version
                    + ", not " + expectedVersion + ": someone changed it since you read it; reload and try again");
        }
        try (PreparedStatement ps = c.prepareStatement("update cases set version = version + 1, updated_at = ?"
                + " where id = ? and version = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, caseId);
            ps.setInt(3, version);
            if (ps.executeUpdate() != 1) {
                throw new CaseRefused(Refusal.STALE_VERSION, "case " + caseId + " was changed at the same time; try again");
            }
        }
        return title;
    }

    private static CaseStatus currentStatus(Connection c, UUID caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select status from cases where id = ?")) {
            ps.setObject(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new CaseRefused(Refusal.NO_SUCH_CASE, "no case " + caseId);
                }
                return CaseStatus.valueOf(rs.getString(1));
            }
        }
    }

    private static void requireOrders(Connection c, Set<UUID> orders) throws SQLException {
        List<UUID> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select 1 from orders where id = ?")) {
            for (UUID id : orders) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(id);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new CaseRefused(Refusal.NO_SUCH_ORDER, "no order " + missing.stream().map(UUID::toString)
                    .reduce((a, b) -> a + ", " + b).orElse(""));
        }
    }

    private static boolean linked(Connection c, UUID caseId, UUID orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from case_orders where case_id = ? and order_id = ?")) {
            ps.setObject(1, caseId);
            ps.setObject(2, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void insertLink(Connection c, UUID caseId, String title, UUID orderId, Instant now, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into case_orders (case_id, order_id, linked_at, linked_by)"
                + " values (?, ?, ?, ?)")) {
            ps.setObject(1, caseId);
            ps.setObject(2, orderId);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, actor);
            ps.executeUpdate();
        }
        Events.insert(c, orderId, now, actor, "case-linked", null, null, detail(caseId, title, null));
    }

    private static long insertNote(Connection c, UUID caseId, Instant now, String actor, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into case_notes (case_id, at, author, text)"
                + " values (?, ?, ?, ?)", new String[] {"id"})) {
            ps.setObject(1, caseId);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, actor);
            ps.setString(4, text);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static List<UUID> linkedOrderIds(Connection c, UUID caseId) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select order_id from case_orders where case_id = ?"
                + " order by linked_at, order_id")) {
            ps.setObject(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static Map<UUID, List<CaseViews.LinkedOrder>> linkedOrders(Connection c, List<UUID> caseIds) throws SQLException {
        Map<UUID, List<CaseViews.LinkedOrder>> byCase = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select l.order_id, o.po_number, o.status, o.sender, l.linked_at,"
                + " l.linked_by from case_orders l join orders o on o.id = l.order_id where l.case_id = ?"
                + " order by l.linked_at, l.order_id")) {
            for (UUID caseId : caseIds) {
                ps.setObject(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID order = rs.getObject(1, UUID.class);
                        byCase.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new CaseViews.LinkedOrder(order,
                                rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, "linked_at"),
                                rs.getString(6), "/api/orders/" + order));
                    }
                }
            }
        }
        return byCase;
    }

    private static List<CaseViews.Note> notes(Connection c, UUID caseId) throws SQLException {
        List<CaseViews.Note> notes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, at, author, text from case_notes where case_id = ?"
                + " order by id")) {
            ps.setObject(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    notes.add(new CaseViews.Note(rs.getLong(1), instant(rs, "at"), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return notes;
    }

    /** The JSON detail of a case event on an order's timeline. */
    private String detail(UUID caseId, String title, Map<String, Object> change) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("caseId", caseId.toString());
        d.put("title", title);
        d.put("url", "/api/cases/" + caseId);
        if (change != null) {
            d.putAll(change);
        }
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
