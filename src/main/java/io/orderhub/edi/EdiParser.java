package io.orderhub.edi;

import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import org.apache.commons.io.input.CharSequenceInputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads one interchange with StAEDI, event by event: records the envelope (interchange, groups, messages, control
 * numbers), sets each message's transaction schema as soon as its header is read, turns every validation event into an
 * {@link EdiError} with a message-relative location, and keeps message bodies as segments and groups when asked to.
 * Pull style: {@link #header()} reads up to the end of the interchange header, {@link #next()} up to the end of the
 * next message.
 */
final class EdiParser {

    private enum Zone { INTERCHANGE, GROUP, MESSAGE }

    private final EdiSplitter.Chunk chunk;
    private final EdiSchemas schemas;
    private final EdiDocument document;
    private final boolean keepBodies;
    private final EdiStandard standard;
    private final EdiInterchange interchange;
    private EDIStreamReader reader;

    private EdiGroup group;
    private EdiMessage message;
    private EdiMessage completed;
    private final Deque<List<EdiNode>> containers = new ArrayDeque<>();
    private EdiSegment segment;
    private String segmentTag;
    private int interchangeStart = -1;
    private int messageStart;
    private int messageSegments;
    private boolean messageTrailerRead;
    private final List<Runnable> pendingHeaderErrors = new ArrayList<>();
    private boolean headerRead;
    private boolean broken;
    private boolean finished;

    EdiParser(EDIInputFactory factory, EdiSplitter.Chunk chunk, int index, EdiSchemas schemas, EdiDocument document,
              boolean keepBodies) {
        this.chunk = chunk;
        this.schemas = schemas;
        this.document = document;
        this.keepBodies = keepBodies;
        this.standard = chunk.standard();
        this.interchange = new EdiInterchange(standard, index);
        document.add(interchange);
        try {
            // encoded while StAEDI reads it, so a large interchange is not held a second time as bytes
            reader = factory.createEDIStreamReader(CharSequenceInputStream.builder().setCharSequence(chunk.text())
                    .setCharset(StandardCharsets.UTF_8).get(), "UTF-8");
        } catch (Exception e) {
            fail(e);
        }
    }

    EdiInterchange interchange() {
        return interchange;
    }

    /** Reads up to the end of the interchange header; false if the interchange could not be read that far. */
    boolean header() {
        while (!headerRead && !finished) {
            step();
        }
        return headerRead;
    }

    /** The next message, complete with body and errors (or broken off by an unreadable part), or null at the end. */
    EdiMessage next() {
        while (completed == null && !finished) {
            step();
        }
        EdiMessage m = completed;
        completed = null;
        return m;
    }

    /** Reads the rest of the interchange, dropping the bodies of messages nobody asked for. */
    void drain() {
        EdiMessage m;
        while ((m = next()) != null) {
            m.releaseBody();
        }
    }

    private void step() {
        try {
            if (!reader.hasNext()) {
                finish();
                return;
            }
            handle(reader.next());
        } catch (Exception e) {
            fail(e);
        }
    }

    private void handle(EDIStreamEvent event) {
        switch (event) {
            case START_GROUP -> {
                group = new EdiGroup(interchange);
                interchange.add(group);
            }
            case START_TRANSACTION -> {
                message = new EdiMessage(interchange, group, interchange.messages().size());
                interchange.add(message);
                if (group != null) {
                    group.add(message);
                }
                containers.clear();
                containers.push(message.mutableBody());
                messageSegments = 0;
                messageTrailerRead = false;
            }
            case START_SEGMENT -> startSegment();
            case ELEMENT_DATA -> elementData();
            case END_SEGMENT -> endSegment();
            case START_LOOP -> {
                if (message != null && keepBodies) {
                    EdiLoop loop = new EdiLoop(reader.getReferenceCode());
                    containers.peek().add(loop);
                    containers.push(loop.mutableChildren());
                }
            }
            case END_LOOP -> {
                if (message != null && keepBodies && containers.size() > 1) {
                    containers.pop();
                }
            }
            case END_TRANSACTION -> {
                if (message != null) {
                    message.complete(messageSegments);
                    if (!keepBodies) {
                        message.releaseBody();
                    }
                    completed = message;
                    message = null;
                }
            }
            case END_GROUP -> group = null;
            case END_INTERCHANGE -> finish();
            case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> validationError();
            default -> {
                // composites and binary data need no handling: positions come with each value
            }
        }
    }

    private void startSegment() {
        segmentTag = reader.getText();
        int position = reader.getLocation().getSegmentPosition();
        if (interchangeStart < 0 && segmentTag.equals(standard.interchangeHeader())) {
            interchangeStart = position;
        }
        if (message != null) {
            if (messageSegments == 0) {
                messageStart = position;
            }
            messageSegments++;
            segment = new EdiSegment(segmentTag, position - messageStart + 1);
            if (keepBodies) {
                containers.peek().add(segment);
            }
        } else {
            segment = new EdiSegment(segmentTag, position - interchangeStart + 1);
        }
    }

    private void elementData() {
        if (segment == null || reader.getTextLength() == 0) {
            return;
        }
        Location l = reader.getLocation();
        String value = new String(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        segment.add(value, l.getElementPosition(), Math.max(l.getComponentPosition(), 0), Math.max(l.getElementOccurrence(), 1));
    }

    private void endSegment() {
        EdiSegment s = segment;
        segment = null;
        if (s == null) {
            return;
        }
        String tag = s.tag();
        if (keepBodies && message == null) {
            keepEnvelope(s, tag);
        }
        if (tag.equals(standard.interchangeHeader())) {
            identifyInterchange(s);
            interchange.delimiters(reader.getDelimiters());
            headerRead = true;
        } else if (tag.equals(standard.groupHeader()) && group != null) {
            identifyGroup(s);
        } else if (tag.equals(standard.messageHeader()) && message != null && messageSegments == 1) {
            identifyMessage(s);
        } else if (tag.equals(standard.messageTrailer()) && message != null) {
            messageTrailerRead = true;
        } else if (tag.equals(standard.groupTrailer()) && group != null) {
            group.trailerRead(true);
        } else if (tag.equals(standard.interchangeTrailer())) {
            interchange.trailerRead(true);
        }
        flushPending();
    }

    /** Envelope segments (interchange and group headers and trailers) are kept with the bodies, for the readable view. */
    private void keepEnvelope(EdiSegment s, String tag) {
        if (group != null && (tag.equals(standard.groupHeader()) || tag.equals(standard.groupTrailer()))) {
            group.envelope(s);
        } else if (tag.equals(standard.interchangeHeader()) || tag.equals(standard.interchangeTrailer())) {
            interchange.envelope(s);
        }
    }

    private void flushPending() {
        for (Runnable r : pendingHeaderErrors) {
            r.run();
        }
        pendingHeaderErrors.clear();
    }

    /** Errors in a header segment are recorded once the header's control number has been read. */
    private void record(Runnable error, String tag) {
        boolean inHeader = segment != null && tag != null && tag.equals(segment.tag())
                && (tag.equals(standard.interchangeHeader()) || tag.equals(standard.groupHeader()) || tag.equals(standard.messageHeader()));
        if (inHeader) {
            pendingHeaderErrors.add(error);
        } else {
            error.run();
        }
    }

    private void identifyInterchange(EdiSegment s) {
        if (standard == EdiStandard.EDIFACT) {
            interchange.identify(s.value(1, 1), s.value(1, 2), s.value(2, 1), s.value(2, 2), s.value(3, 1), s.value(3, 2),
                    s.value(4, 1), s.value(4, 2), s.value(5), "1".equals(s.value(11)), "1".equals(s.value(9)));
        } else {
            interchange.identify(s.value(11), s.value(12), trim(s.value(6)), trim(s.value(5)), trim(s.value(8)),
                    trim(s.value(7)), s.value(9), s.value(10), s.value(13), "T".equals(s.value(15)), "1".equals(s.value(14)));
        }
    }

    private void identifyGroup(EdiSegment s) {
        if (standard == EdiStandard.EDIFACT) {
            String version = s.value(7, 1) == null ? null : s.value(7, 1) + (s.value(7, 2) == null ? "" : ":" + s.value(7, 2));
            group.identify(s.value(1), s.value(2, 1), s.value(3, 1), s.value(5), s.value(6), version);
        } else {
            group.identify(s.value(1), s.value(2), s.value(3), s.value(6), s.value(7), s.value(8));
        }
    }

    private void identifyMessage(EdiSegment s) {
        String type;
        String versionKey;
        if (standard == EdiStandard.EDIFACT) {
            type = s.value(2, 1);
            String version = s.value(2, 2);
            String release = s.value(2, 3);
            versionKey = version == null ? null : version + (release == null ? "" : release);
            message.identify(s.value(1), type, versionKey, release, s.value(2, 4), s.value(2, 5));
        } else {
            type = s.value(1);
            String groupVersion = group == null ? null : group.version();
            if (groupVersion == null) {
                groupVersion = s.value(3);
            }
            versionKey = groupVersion == null ? null : groupVersion.substring(0, Math.min(6, groupVersion.length()));
            message.identify(s.value(2), type, versionKey, groupVersion, group == null ? null : group.agency(), s.value(3));
        }
        Optional<EdiSchemas.Entry> schema = schemas.find(standard, type, versionKey);
        if (schema.isPresent()) {
            reader.setTransactionSchema(schema.get().schema());
            message.schemaFile(schema.get().file(), schema.get().fallback());
        }
    }

    private void validationError() {
        EDIStreamValidationError type = reader.getErrorType();
        if (type == EDIStreamValidationError.SEGMENT_HAS_DATA_ELEMENT_ERRORS) {
            return;
        }
        Location l = reader.getLocation();
        String text = reader.hasText() ? reader.getText() : null;
        String tag = l.getSegmentTag() != null ? l.getSegmentTag() : segmentTag;
        EDIReference reference = schemaReference();
        int element = Math.max(l.getElementPosition(), 0);
        int component = Math.max(l.getComponentPosition(), 0);
        boolean segmentLevel = type.getCategory() == EDIStreamEvent.SEGMENT_ERROR;
        if (segmentLevel) {
            element = 0;
            component = 0;
        }
        String code = EdiErrorText.code(type);
        String value = segmentLevel ? null : text;
        if (message != null) {
            int position = l.getSegmentPosition() - messageStart + 1;
            if (messageSegments == 0) {
                position = 1;
            }
            boolean headerSyntax = tag != null && tag.equals(standard.messageHeader()) && EdiErrorText.isValueSyntax(type);
            String actual = type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT ? String.valueOf(messageSegments) : null;
            EdiMessage target = message;
            String suffix = " / segment " + position + " " + tag + elementPath(element, component);
            EdiError.Severity severity = headerSyntax ? EdiError.Severity.WARNING : EdiError.Severity.ERROR;
            String ref = refCode(reference, text, segmentLevel);
            String sentence = EdiErrorText.message(type, tag, text, reference, actual);
            final int pos = position;
            final int el = element;
            final int comp = component;
            record(() -> target.error(new EdiError(EdiError.Level.MESSAGE, severity, code, type, pos, tag, el, comp, ref,
                    value, path(target) + suffix, sentence)), tag);
            return;
        }
        int position = interchangeStart < 0 ? 1 : l.getSegmentPosition() - interchangeStart + 1;
        boolean inGroupEnvelope = group != null && tag != null && (tag.equals(standard.groupHeader()) || tag.equals(standard.groupTrailer()));
        boolean header = tag != null && (tag.equals(standard.groupHeader()) || tag.equals(standard.interchangeHeader()));
        EdiError.Severity severity = header && EdiErrorText.isValueSyntax(type) ? EdiError.Severity.WARNING : EdiError.Severity.ERROR;
        String actual = null;
        if (type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            actual = inGroupEnvelope ? String.valueOf(group.messages().size())
                    : String.valueOf(interchange.groups().isEmpty() ? interchange.messages().size() : interchange.groups().size());
        }
        EdiGroup target = inGroupEnvelope ? group : null;
        String suffix = " / segment " + position + " " + tag + elementPath(element, component);
        String ref = refCode(reference, text, segmentLevel);
        String sentence = EdiErrorText.message(type, tag, text, reference, actual);
        final int pos = position;
        final int el = element;
        final int comp = component;
        record(() -> {
            String prefix = target != null ? interchange.path() + " / " + groupPath(target) : interchange.path();
            EdiError error = new EdiError(target != null ? EdiError.Level.GROUP : EdiError.Level.INTERCHANGE, severity, code,
                    type, pos, tag, el, comp, ref, value, prefix + suffix, sentence);
            if (target != null) {
                target.error(error);
            } else {
                interchange.error(error);
            }
        }, tag);
    }

    private EDIReference schemaReference() {
        try {
            return reader.getSchemaTypeReference();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String refCode(EDIReference reference, String text, boolean segmentLevel) {
        if (segmentLevel) {
            return text;
        }
        return reference == null || reference.getReferencedType() == null ? null : reference.getReferencedType().getCode();
    }

    private String path(EdiMessage m) {
        StringBuilder b = new StringBuilder(interchange.path());
        if (m.group() != null) {
            b.append(" / ").append(groupPath(m.group()));
        }
        String ref = m.controlNumber();
        return b.append(" / ").append(standard.messageHeader()).append(' ').append(ref == null ? "?" : ref).toString();
    }

    private String groupPath(EdiGroup g) {
        return standard.groupHeader() + " " + (g.controlNumber() == null ? "?" : g.controlNumber());
    }

    static String elementPath(int element, int component) {
        if (element <= 0) {
            return "";
        }
        return " / element " + element + (component > 0 ? "." + component : "");
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        flushPending();
        if (headerRead && !broken && !interchange.trailerRead()) {
            interchange.error(envelopeError("interchange-trailer-missing", standard.interchangeTrailer(),
                    "the interchange ends without its trailer " + standard.interchangeTrailer()));
        }
        close();
    }

    /** An unreadable part: the message in progress is broken off, the rest of the interchange is not read. */
    private void fail(Exception e) {
        if (finished) {
            return;
        }
        flushPending();
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        boolean endOfInput = reason.contains("end of stream") || reason.contains("Unexpected end");
        if (message != null && messageTrailerRead) {
            message.complete(messageSegments);
            completed = message;
            message = null;
        }
        String where = segmentTag == null ? "" : " after segment " + segmentTag;
        if (message != null) {
            int position = Math.max(messageSegments, 1);
            String tag = segmentTag == null ? standard.messageHeader() : segmentTag;
            String text = endOfInput ? "the message ends without its trailer " + standard.messageTrailer()
                    : "unreadable from segment " + position + " " + tag + " on: " + reason;
            message.error(new EdiError(EdiError.Level.MESSAGE, EdiError.Severity.ERROR,
                    endOfInput ? "message-incomplete" : "syntax-error", null, position, tag, 0, 0, null, null,
                    path(message) + " / segment " + position + " " + tag, text));
            message.segmentCount(messageSegments);
            where = " after " + standard.messageHeader() + " " + message.controlNumber() + " segment " + position + " " + tag;
            if (message.type() != null) {
                completed = message;
            }
            message = null;
        }
        if (headerRead && !endOfInput) {
            broken = true;
            interchange.error(envelopeError("syntax-error", segmentTag,
                    "the rest of the interchange" + where + " cannot be read and was skipped: " + reason));
        } else if (!headerRead) {
            document.error(new EdiError(EdiError.Level.DOCUMENT, EdiError.Severity.ERROR, "unreadable-interchange", null, 0,
                    standard.interchangeHeader(), 0, 0, null, null, "interchange " + (interchange.index() + 1),
                    "the " + standard.name() + " interchange at character " + chunk.offset() + " cannot be read: " + reason));
        }
        finish();
    }

    private EdiError envelopeError(String code, String tag, String text) {
        return new EdiError(EdiError.Level.INTERCHANGE, EdiError.Severity.ERROR, code, null, 0, tag, 0, 0, null, null,
                interchange.path(), text);
    }

    private void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // nothing to release for an in-memory stream
            }
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
