package io.orderhub.edi;

/** The EDI standards OrderHub reads, with the document format id the intake uses for each. */
public enum EdiStandard {
    EDIFACT("edifact", "UNB", "UNG", "UNH", "UNT", "UNE", "UNZ"),
    X12("x12", "ISA", "GS", "ST", "SE", "GE", "IEA");

    private final String format;
    private final String interchangeHeader;
    private final String groupHeader;
    private final String messageHeader;
    private final String messageTrailer;
    private final String groupTrailer;
    private final String interchangeTrailer;

    EdiStandard(String format, String interchangeHeader, String groupHeader, String messageHeader, String messageTrailer,
                String groupTrailer, String interchangeTrailer) {
        this.format = format;
        this.interchangeHeader = interchangeHeader;
        this.groupHeader = groupHeader;
        this.messageHeader = messageHeader;
        this.messageTrailer = messageTrailer;
        this.groupTrailer = groupTrailer;
        this.interchangeTrailer = interchangeTrailer;
    }

    /** The intake format id: {@code edifact} or {@code x12}. */
    public String format() {
        return format;
    }

    public String interchangeHeader() {
        return interchangeHeader;
    }

    public String groupHeader() {
        return groupHeader;
    }

    public String messageHeader() {
        return messageHeader;
    }

    public String messageTrailer() {
        return messageTrailer;
    }

    public String groupTrailer() {
        return groupTrailer;
    }

    public String interchangeTrailer() {
        return interchangeTrailer;
    }

    /** The separator written between a segment tag and its first element in locators: {@code DTM+137}, {@code DTM*002}. */
    public char tagSeparator() {
        return this == EDIFACT ? '+' : '*';
    }
}
