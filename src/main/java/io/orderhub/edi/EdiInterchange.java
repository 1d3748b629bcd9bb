package io.orderhub.edi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One interchange (EDIFACT UNB..UNZ, X12 ISA..IEA): who sent it to whom, its control number, its delimiters and
 * everything in it. This is what acknowledgements (CONTRL, 997/999) are written from.
 */
public final class EdiInterchange {

    private final EdiStandard standard;
    private final int index;
    private String syntax;
    private String syntaxVersion;
    private String senderId;
    private String senderQualifier;
    private String receiverId;
    private String receiverQualifier;
    private String date;
    private String time;
    private String controlNumber;
    private boolean test;
    private boolean ackRequested;
    private Map<String, Character> delimiters = Map.of();
    private boolean trailerRead;
    private final List<EdiGroup> groups = new ArrayList<>();
    private final List<EdiMessage> messages = new ArrayList<>();
    private final List<EdiError> errors = new ArrayList<>();
    private final List<EdiSegment> envelope = new ArrayList<>(2);

    EdiInterchange(EdiStandard standard, int index) {
        this.standard = standard;
        this.index = index;
    }

    public EdiStandard standard() {
        return standard;
    }

    /** 0-based position of the interchange in the file. */
    public int index() {
        return index;
    }

    /** EDIFACT syntax identifier (UNB S001 0001, e.g. {@code UNOC}); X12 ISA11 (repetition separator or U). */
    public String syntax() {
        return syntax;
    }

    /** EDIFACT syntax version (0002, e.g. {@code 3}); X12 ISA12 (e.g. {@code 00401}). */
    public String syntaxVersion() {
        return syntaxVersion;
    }

    /** UNB S002 0004 / ISA06 (trimmed): identifies the partner (see PartnerEdi.interchangeIds). */
    public String senderId() {
        return senderId;
    }

    /** UNB S002 0007 / ISA05. */
    public String senderQualifier() {
        return senderQualifier;
    }

    /** UNB S003 0010 / ISA08 (trimmed). */
    public String receiverId() {
        return receiverId;
    }

    /** UNB S003 0007 / ISA07. */
    public String receiverQualifier() {
        return receiverQualifier;
    }

    /** UNB S004 0017 / ISA09 as sent. */
    public String date() {
        return date;
    }

    /** UNB S004 0019 / ISA10 as sent. */
    public String time() {
        return time;
    }

    /** UNB 0020 / ISA13. */
    public String controlNumber() {
        return controlNumber;
    }

    /** UNB 0035 = 1 / ISA15 = T. */
    public boolean test() {
        return test;
    }

    /** UNB 0031 = 1 / ISA14 = 1. */
    public boolean ackRequested() {
        return ackRequested;
    }

    /** The delimiters the interchange used, by StAEDI's names (EDIStreamConstants.Delimiters). */
    public Map<String, Character> delimiters() {
        return delimiters;
    }

    /** True when UNZ/IEA was read. */
    public boolean trailerRead() {
        return trailerRead;
    }

    public List<EdiGroup> groups() {
        return Collections.unmodifiableList(groups);
    }

    /** All messages in order, whether in a group or not. */
    public List<EdiMessage> messages() {
        return Collections.unmodifiableList(messages);
    }

    /** Envelope errors and warnings of the interchange itself (not of its groups or messages). */
    public List<EdiError> errors() {
        return Collections.unmodifiableList(errors);
    }

    public String path() {
        return standard.interchangeHeader() + " " + controlNumber;
    }

    void identify(String syntax, String syntaxVersion, String senderId, String senderQualifier, String receiverId,
                  String receiverQualifier, String date, String time, String controlNumber, boolean test, boolean ackRequested) {
        this.syntax = syntax;
        this.syntaxVersion = syntaxVersion;
        this.senderId = senderId;
        this.senderQualifier = senderQualifier;
        this.receiverId = receiverId;
        this.receiverQualifier = receiverQualifier;
        this.date = date;
        this.time = time;
        this.controlNumber = controlNumber;
        this.test = test;
        this.ackRequested = ackRequested;
    }

    void delimiters(Map<String, Character> delimiters) {
        this.delimiters = Map.copyOf(delimiters);
    }

    void trailerRead(boolean read) {
        this.trailerRead = read;
    }

    void add(EdiGroup group) {
        groups.add(group);
    }

    void add(EdiMessage message) {
        messages.add(message);
    }

    /**
     * The interchange's header and trailer segments as read, when the file was read with bodies (empty otherwise).
     */
    public List<EdiSegment> envelope() {
        return Collections.unmodifiableList(envelope);
    }

    void envelope(EdiSegment segment) {
        envelope.add(segment);
    }

    void error(EdiError error) {
        errors.add(error);
    }
}
