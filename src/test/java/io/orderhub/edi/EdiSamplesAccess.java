package io.orderhub.edi;

/** The generated EDI samples of {@link EdiSamples}, for tests in other packages, and the reader's view of a file. */
public final class EdiSamplesAccess {

    private EdiSamplesAccess() {
    }

    public static String edifact(String sender, int messages, int lines) {
        return EdiSamples.edifact(sender, messages, lines);
    }

    public static String x12(String sender, int messages, int lines) {
        return EdiSamples.x12(sender, messages, lines);
    }

    /** What the hub's reader makes of a file (structure and validation, no bodies). */
    public static EdiDocument read(byte[] content) {
        return EdiFixture.READER.read(content);
    }

    /** The control number of the file's first interchange. */
    public static String controlNumber(byte[] content) {
        return EdiFixture.READER.read(content).interchanges().get(0).controlNumber();
    }
}
