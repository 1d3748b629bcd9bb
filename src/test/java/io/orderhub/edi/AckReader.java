package io.orderhub.edi;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an acknowledgement back with StAEDI into its segments, each as its tag and element values (components
 * joined by ':', so {@code UCD+39+3:2'} reads as {@code [39, 3:2]}), to check segments and codes.
 */
public final class AckReader {

    /** One segment as read. */
    public record Seg(String tag, List<String> elements) {
        public String el(int position) {
            return position <= elements.size() ? elements.get(position - 1) : "";
        }

        @Override
        public String toString() {
            return tag + elements;
        }
    }

    private AckReader() {
    }

    public static List<Seg> read(byte[] content) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // as the hub reads: partners' envelope qualifiers need not be in the code lists
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        List<Seg> segments = new ArrayList<>();
        try (EDIStreamReader r = factory.createEDIStreamReader(new ByteArrayInputStream(content))) {
            String tag = null;
            List<String> elements = null;
            StringBuilder composite = null;
            while (r.hasNext()) {
                EDIStreamEvent e = r.next();
                switch (e) {
                    case START_SEGMENT -> {
                        tag = r.getText();
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> composite = new StringBuilder();
                    case END_COMPOSITE -> {
                        set(elements, r.getLocation().getElementPosition(), composite.toString().replaceAll(":+$", ""));
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            if (r.getLocation().getComponentPosition() > 1) {
                                composite.append(':');
                            }
                            composite.append(r.getText());
                        } else if (elements != null) {
                            set(elements, r.getLocation().getElementPosition(), r.getText());
                        }
                    }
                    case END_SEGMENT -> {
                        segments.add(new Seg(tag, elements));
                        elements = null;
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                            throw new AssertionError("the acknowledgement does not read back cleanly: " + r.getErrorType()
                                    + " at " + r.getLocation());
                    default -> {
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError("the acknowledgement cannot be read: " + e.getMessage() + "\n" + new String(content), e);
        }
        return segments;
    }

    private static void set(List<String> elements, int position, String value) {
        while (elements.size() < position) {
            elements.add("");
        }
        if (position >= 1) {
            elements.set(position - 1, value);
        }
    }

    public static List<Seg> all(List<Seg> segments, String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag)).toList();
    }

    public static Seg one(List<Seg> segments, String tag) {
        List<Seg> found = all(segments, tag);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + tag + ", found " + found.size() + " in " + segments);
        }
        return found.get(0);
    }
}
