package io.orderhub.edi.ack;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.EDIStreamWriter;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A thin helper over StAEDI's {@link EDIStreamWriter} for writing whole segments: an element is a String (simple),
 * a String[] (composite; null components stay empty) or null (empty); trailing empty elements are left out.
 * One per outbound interchange; not thread-safe.
 */
final class Segments implements AutoCloseable {

    private static final EDIOutputFactory FACTORY = factory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    private final EDIStreamWriter writer;
    private int count;

    /**
     * @param standard {@code EDIFACT} or {@code X12} (StAEDI's standard names)
     * @param version  the envelope version StAEDI's control schema is chosen by: the UNB syntax identifier and
     *                 version ({@code UNOC}, {@code 3}), or ISA12 ({@code 00401}); the writer validates the envelope
     *                 segments it writes against it
     */
    Segments(String standard, String... version) {
        try {
            writer = FACTORY.createEDIStreamWriter(out, StandardCharsets.UTF_8.name());
            writer.setControlSchema(SchemaFactory.newFactory().getControlSchema(standard, version));
            writer.startInterchange();
        } catch (EDIStreamException | EDISchemaException e) {
            throw new IllegalStateException("Cannot start an EDI writer", e);
        }
    }

    private static EDIOutputFactory factory() {
        EDIOutputFactory f = EDIOutputFactory.newFactory();
        f.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        f.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        // like the reader (EdiReader), envelope code lists are not enforced: partners use qualifiers outside them;
        // every other envelope error of what the hub writes is a bug and fails the write
        f.setErrorReporter((error, writer, location, data, reference) -> {
            if (error != EDIStreamValidationError.INVALID_CODE_VALUE) {
                throw new IllegalStateException("the envelope written breaks " + writer.getStandard() + " rules: " + error
                        + " in segment " + location.getSegmentTag() + " element " + location.getElementPosition()
                        + (data == null ? "" : " ('" + data + "')"));
            }
        });
        return f;
    }

    /** Writes one segment; counts it (for UNT/SE). */
    Segments segment(String tag, Object... elements) {
        try {
            writer.writeStartSegment(tag);
            for (Object e : elements) {
                if (e == null) {
                    writer.writeEmptyElement();
                } else if (e instanceof String[] composite) {
                    writer.writeStartElement();
                    for (String c : composite) {
                        if (c == null || c.isEmpty()) {
                            writer.writeEmptyComponent();
                        } else {
                            writer.writeComponent(c);
                        }
                    }
                    writer.endElement();
                } else {
                    String s = e.toString();
                    if (s.isEmpty()) {
                        writer.writeEmptyElement();
                    } else {
                        writer.writeElement(s);
                    }
                }
            }
            writer.writeEndSegment();
            count++;
            return this;
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Cannot write segment " + tag + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot write segment " + tag + ": " + e.getMessage(), e);
        }
    }

    /** Segments written so far. */
    int count() {
        return count;
    }

    /** Restarts the segment count (at a message header). */
    void resetCount() {
        count = 0;
    }

    /** Ends the interchange and returns its bytes. */
    byte[] finish() {
        try {
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Cannot finish the EDI interchange: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            writer.close();
            out.close();
        } catch (EDIStreamException | IOException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    static String[] composite(String... components) {
        return components;
    }
}
