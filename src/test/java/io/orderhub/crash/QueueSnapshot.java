package io.orderhub.crash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The test's orders as the queue tables hold them, read with plain JDBC while no hub runs. */
record QueueSnapshot(List<Row> rows, Map<UUID, List<String>> eventTypes) {

    /** One order row. */
    record Row(UUID id, String poNumber, String status, String erpOrderNumber, int attempts) {
    }

    static QueueSnapshot read(QueueStore store, String poPrefix) throws SQLException {
        try (Connection c = store.connect()) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, po_number, status, erp_order_number, attempts"
                    + " from orders where po_number like ? order by received_at, id")) {
                ps.setString(1, poPrefix + "-%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5)));
                    }
                }
            }
            Map<UUID, List<String>> events = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select e.order_id, e.type from order_events e"
                    + " join orders o on o.id = e.order_id where o.po_number like ? order by e.id")) {
                ps.setString(1, poPrefix + "-%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            return new QueueSnapshot(List.copyOf(rows), Map.copyOf(events));
        }
    }

    Map<UUID, Row> byId() {
        return rows.stream().collect(Collectors.toMap(Row::id, Function.identity()));
    }

    Set<UUID> ids() {
        return byId().keySet();
    }

    Set<UUID> idsWithStatus(String status) {
        return rows.stream().filter(r -> r.status().equals(status)).map(Row::id).collect(Collectors.toSet());
    }

    /** PO numbers that occur on more than one order row. */
    Set<String> repeatedPoNumbers() {
        return rows.stream().collect(Collectors.groupingBy(Row::poNumber, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    long events(UUID orderId, String type) {
        return eventTypes.getOrDefault(orderId, List.of()).stream().filter(type::equals).count();
    }
}
