package io.orderhub.queue;

import io.orderhub.model.OrderStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes order events; always called inside the transaction that makes the change it records. */
public final class Events {

    private static final String INSERT = "insert into order_events (order_id, at, actor, type, from_status,"
            + " to_status, detail) values (?, ?, ?, ?, ?, ?, ?)";

    private Events() {
    }

    public static void insert(Connection c, UUID orderId, Instant at, String actor, String type,
                       OrderStatus from, OrderStatus to, String detailJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, orderId, at, actor, type, from, to, detailJson);
            ps.executeUpdate();
        }
    }

    /** Two events of one order in the order given (ids ascend with it), as one JDBC batch. */
    static void insertPair(Connection c, UUID orderId, Instant at, String actor,
                           String firstType, OrderStatus firstFrom, OrderStatus firstTo, String firstDetail,
                           String secondType, OrderStatus secondFrom, OrderStatus secondTo, String secondDetail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, orderId, at, actor, firstType, firstFrom, firstTo, firstDetail);
            ps.addBatch();
            bind(ps, orderId, at, actor, secondType, secondFrom, secondTo, secondDetail);
            ps.addBatch();
            ps.executeBatch();
        }
    }

    /** The same event for several orders, as one JDBC batch. */
    static void insertMany(Connection c, List<UUID> orderIds, Instant at, String actor, String type,
                           OrderStatus from, OrderStatus to, String detailJson) throws SQLException {
        if (orderIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (UUID id : orderIds) {
                bind(ps, id, at, actor, type, from, to, detailJson);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, UUID orderId, Instant at, String actor, String type,
                             OrderStatus from, OrderStatus to, String detailJson) throws SQLException {
        ps.setObject(1, orderId);
        ps.setTimestamp(2, Timestamp.from(at));
        ps.setString(3, actor);
        ps.setString(4, type);
        ps.setString(5, from == null ? null : from.name());
        ps.setString(6, to == null ? null : to.name());
        ps.setString(7, detailJson);
    }
}
