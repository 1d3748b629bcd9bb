package io.orderhub.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The bytes of a large document, stored in parts of {@link #PART_BYTES} (table {@code document_parts}, migration V5)
 * instead of in {@code documents.content}, so no database row and no write buffer holds a whole 50 MB file.
 */
final class DocumentParts {

    static final int PART_BYTES = 1 << 20;

    private DocumentParts() {
    }

    /** True when a document of this size is stored in parts (and its content column left empty). */
    static boolean inParts(byte[] content) {
        return content.length > PART_BYTES;
    }

    static void write(Connection c, UUID documentId, byte[] content) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into document_parts (document_id, part, content) values (?, ?, ?)")) {
            for (int part = 0, from = 0; from < content.length; part++, from += PART_BYTES) {
                ps.setObject(1, documentId);
                ps.setInt(2, part);
                ps.setBytes(3, Arrays.copyOfRange(content, from, Math.min(content.length, from + PART_BYTES)));
                // one part at a time: a batch would hold every part in the driver until it is sent
                ps.executeUpdate();
            }
        }
    }

    /** The document's bytes: {@code inline} when it was stored whole, else its parts put back together. */
    static byte[] read(Connection c, UUID documentId, int size, byte[] inline) throws SQLException {
        if (inline != null && inline.length == size) {
            return inline;
        }
        byte[] content = new byte[size];
        int at = 0;
        try (PreparedStatement ps = c.prepareStatement("select content from document_parts where document_id = ? order by part")) {
            ps.setObject(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] part = rs.getBytes(1);
                    System.arraycopy(part, 0, content, at, part.length);
                    at += part.length;
                }
            }
        }
        if (at != size) {
            throw new SQLException("document " + documentId + " has " + at + " of its " + size + " bytes stored");
        }
        return content;
    }
}
