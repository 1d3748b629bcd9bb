package io.orderhub.edi.ack;

import io.orderhub.support.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Outbound control numbers per partner (interchange, group, message), kept in {@code edi_control_numbers} so they
 * survive restarts. One allocation is an {@code UPDATE ... SET n = n + 1} followed by reading the row in the same
 * transaction: the UPDATE holds the row lock until commit, so two hub instances on one PostgreSQL wait for each
 * other instead of handing out the same number (on H2 the file belongs to one process anyway).
 */
public final class ControlNumbers {

    /** The numbers of one outbound interchange: its own, its group's, and the first of {@code messages} messages. */
    public record Allocation(long interchange, long group, long firstMessage, int messages) {

        /** The n-th (0-based) message number of the allocation. */
        public long message(int n) {
            return firstMessage + n;
        }
    }

    private final Database db;

    public ControlNumbers(Database db) {
        this.db = db;
    }

    /** Allocates the next interchange and group number and {@code messages} message numbers, in its own transaction. */
    public Allocation next(String partner, int messages) {
        return db.inTransaction(c -> next(c, partner, messages));
    }

    /** Allocates within the caller's transaction (the numbers are held until it commits or rolls back). */
    public static Allocation next(Connection c, String partner, int messages) throws SQLException {
        if (messages < 1) {
            throw new IllegalArgumentException("an interchange holds at least one message, not " + messages);
        }
        String key = partner == null || partner.isBlank() ? "-" : partner;
        if (increment(c, key, messages) == 0) {
            try (PreparedStatement ps = c.prepareStatement("insert into edi_control_numbers (partner, interchange, grp,"
                    + " message) values (?, 0, 0, 0) on conflict do nothing")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            if (increment(c, key, messages) == 0) {
                throw new SQLException("no control number row for partner " + key);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select interchange, grp, message from edi_control_numbers where partner = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Allocation(rs.getLong(1), rs.getLong(2), rs.getLong(3) - messages + 1, messages);
            }
        }
    }

    private static int increment(Connection c, String partner, int messages) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update edi_control_numbers set interchange = interchange + 1,"
                + " grp = grp + 1, message = message + ? where partner = ?")) {
            ps.setInt(1, messages);
            ps.setString(2, partner);
            return ps.executeUpdate();
        }
    }

    /** X12 ISA13: nine digits, 1 to 999999999, wrapping around. */
    public static String isa13(long n) {
        return String.format("%09d", (n - 1) % 999_999_999L + 1);
    }

    /** X12 GS06 / ST02 and EDIFACT references: the number as digits, at least {@code width} wide. */
    public static String digits(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
