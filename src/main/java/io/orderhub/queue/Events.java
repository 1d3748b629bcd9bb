package io.orderhub.queue;

import io.orderhub.model.OrderStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Writes order events; always called inside the transaction that makes the change it records. */
final class Events {

    private Events() {
    }

    static void insert(Connection c, UUID orderId, Instant at, String actor, String type,
                       OrderStatus from, OrderStatus to, String detailJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into order_events (order_id, at, actor, type, from_status,"
                + " to_status, detail) values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, orderId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, actor);
            ps.setString(4, type);
            ps.setString(5, from == null ? null : from.name());
            ps.setString(6, to == null ? null : to.name());
            ps.setString(7, detailJson);
            ps.executeUpdate();
        }
    }
}
