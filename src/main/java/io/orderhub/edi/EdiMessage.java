package io.orderhub.edi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One message (EDIFACT UNH..UNT) or transaction set (X12 ST..SE): its identification, its validation result and,
 * while it is being mapped, its body. Bodies are released once mapped, so a document's structure stays small.
 */
public final class EdiMessage {

    /** Whether a message passed validation: what an acknowledgement reports for it. */
    public enum Status { ACCEPTED, REJECTED }

    private final EdiInterchange interchange;
    private final EdiGroup group;
    private final int index;
    private String controlNumber;
    private String type;
    private String version;
    private String release;
    private String agency;
    private String association;
    private String schemaFile;
    private boolean schemaFallback;
    private boolean complete;
    private int segmentCount;
    private final List<EdiError> errors = new ArrayList<>();
    private List<EdiNode> body = new ArrayList<>();

    EdiMessage(EdiInterchange interchange, EdiGroup group, int index) {
        this.interchange = interchange;
        this.group = group;
        this.index = index;
    }

    public EdiInterchange interchange() {
        return interchange;
    }

    /** The functional group the message is in, or null (EDIFACT messages without UNG). */
    public EdiGroup group() {
        return group;
    }

    /** 0-based position of the message in its interchange. */
    public int index() {
        return index;
    }

    /** UNH 0062 / ST02. */
    public String controlNumber() {
        return controlNumber;
    }

    /** UNH S009 0065 ({@code ORDERS}) / ST01 ({@code 850}). */
    public String type() {
        return type;
    }

    /**
     * The version the message's schema is chosen by: the EDIFACT directory ({@code D96A}: 0052 + 0054) or the X12
     * group version's first six characters ({@code 004010}).
     */
    public String version() {
        return version;
    }

    /** EDIFACT 0054 (e.g. {@code 96A}); for X12 the full GS08 value (e.g. {@code 004010VICS}). */
    public String release() {
        return release;
    }

    /** EDIFACT 0051 controlling agency; X12 GS07. */
    public String agency() {
        return agency;
    }

    /** EDIFACT 0057 association assigned code (e.g. {@code EAN008}); X12 ST03 implementation convention. */
    public String association() {
        return association;
    }

    /** The schema file the message was validated against (see mappings/edi/schemas/index.properties), or null. */
    public String schemaFile() {
        return schemaFile;
    }

    /** True when the message's version is not listed in the schema index and the type's fallback schema was used. */
    public boolean schemaFallback() {
        return schemaFallback;
    }

    /** True once the trailer (UNT/SE) has been read. */
    public boolean complete() {
        return complete;
    }

    /** The number of segments read from header to trailer, both included. */
    public int segmentCount() {
        return segmentCount;
    }

    public List<EdiError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** REJECTED when the message has at least one error (warnings do not reject). */
    public Status status() {
        for (EdiError e : errors) {
            if (e.isError()) {
                return Status.REJECTED;
            }
        }
        return Status.ACCEPTED;
    }

    /** The body between header and trailer, both included, as segments and segment groups; empty once released. */
    public List<EdiNode> body() {
        return Collections.unmodifiableList(body);
    }

    /** The locator prefix of everything in this message, e.g. {@code UNB 6002 / UNH SSDD1} or {@code ISA 1 / GS 8 / ST 7}. */
    public String path() {
        StringBuilder b = new StringBuilder(interchange.path());
        if (group != null) {
            b.append(" / ").append(group.path());
        }
        return b.append(" / ").append(interchange.standard().messageHeader()).append(' ').append(controlNumber).toString();
    }

    void identify(String controlNumber, String type, String version, String release, String agency, String association) {
        this.controlNumber = controlNumber;
        this.type = type;
        this.version = version;
        this.release = release;
        this.agency = agency;
        this.association = association;
    }

    void schemaFile(String file, boolean fallback) {
        this.schemaFile = file;
        this.schemaFallback = fallback;
    }

    void complete(int segmentCount) {
        this.complete = true;
        this.segmentCount = segmentCount;
    }

    void segmentCount(int count) {
        this.segmentCount = count;
    }

    void error(EdiError error) {
        errors.add(error);
    }

    List<EdiNode> mutableBody() {
        return body;
    }

    /** Drops the body once it has been mapped. */
    public void releaseBody() {
        body = new ArrayList<>(0);
    }
}
