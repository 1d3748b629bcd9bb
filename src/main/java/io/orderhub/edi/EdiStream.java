package io.orderhub.edi;

import io.xlate.edi.stream.EDIInputFactory;

import java.util.List;

/**
 * An EDI file being read, interchange by interchange and message by message, so a mapping can work on one message
 * at a time and choose its configuration per interchange (per sending partner). Not thread-safe; one per file.
 */
public final class EdiStream {

    private final EDIInputFactory factory;
    private final EdiSchemas schemas;
    private final boolean keepBodies;
    private final EdiDocument document = new EdiDocument();
    private final List<EdiSplitter.Chunk> chunks;
    private int next;
    private EdiParser current;

    EdiStream(EDIInputFactory factory, EdiSchemas schemas, byte[] content, boolean keepBodies) {
        this.factory = factory;
        this.schemas = schemas;
        this.keepBodies = keepBodies;
        EdiSplitter.Result split = EdiSplitter.split(EdiText.decode(content));
        this.chunks = split.chunks();
        for (EdiSplitter.Stray stray : split.strays()) {
            document.error(new EdiError(EdiError.Level.DOCUMENT, EdiError.Severity.ERROR, "not-edi", null, 0, null, 0, 0,
                    null, stray.sample(), "character " + stray.offset(),
                    "data outside any interchange (no UNA/UNB or ISA header): '" + stray.sample() + "'"));
        }
        if (chunks.isEmpty() && split.strays().isEmpty()) {
            document.error(new EdiError(EdiError.Level.DOCUMENT, EdiError.Severity.ERROR, "empty", null, 0, null, 0, 0,
                    null, null, "", "the file contains no interchange"));
        }
    }

    /**
     * Moves to the next interchange whose header could be read (the rest of the current one is read and its bodies
     * dropped), or returns null at the end of the file. Interchanges whose header cannot be read are recorded in
     * the document as errors and skipped.
     */
    public EdiInterchange nextInterchange() {
        if (current != null) {
            current.drain();
            current = null;
        }
        while (next < chunks.size()) {
            EdiParser parser = new EdiParser(factory, chunks.get(next), next, schemas, document, keepBodies);
            next++;
            if (parser.header()) {
                current = parser;
                return parser.interchange();
            }
            parser.drain();
        }
        return null;
    }

    /** The next message of the current interchange, or null when the interchange has been read to its end. */
    public EdiMessage nextMessage() {
        return current == null ? null : current.next();
    }

    /** Everything read so far; complete once {@link #nextInterchange()} has returned null. */
    public EdiDocument document() {
        return document;
    }

    /** Reads the rest of the file. */
    public EdiDocument finish() {
        while (nextInterchange() != null) {
            current.drain();
        }
        return document;
    }
}
