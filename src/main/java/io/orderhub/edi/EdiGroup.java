package io.orderhub.edi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A functional group (EDIFACT UNG..UNE, X12 GS..GE) with the messages in it. */
public final class EdiGroup {

    private final EdiInterchange interchange;
    private String functionalId;
    private String applicationSender;
    private String applicationReceiver;
    private String controlNumber;
    private String agency;
    private String version;
    private boolean trailerRead;
    private final List<EdiMessage> messages = new ArrayList<>();
    private final List<EdiError> errors = new ArrayList<>();
    private final List<EdiSegment> envelope = new ArrayList<>(2);

    EdiGroup(EdiInterchange interchange) {
        this.interchange = interchange;
    }

    public EdiInterchange interchange() {
        return interchange;
    }

    /** UNG 0038 / GS01, e.g. {@code ORDERS}, {@code PO}. */
    public String functionalId() {
        return functionalId;
    }

    public String applicationSender() {
        return applicationSender;
    }

    public String applicationReceiver() {
        return applicationReceiver;
    }

    /** UNG 0048 / GS06. */
    public String controlNumber() {
        return controlNumber;
    }

    /** UNG 0051 / GS07. */
    public String agency() {
        return agency;
    }

    /** UNG S008 / GS08, e.g. {@code 004010VICS}. */
    public String version() {
        return version;
    }

    /** True when UNE/GE was read. */
    public boolean trailerRead() {
        return trailerRead;
    }

    public List<EdiMessage> messages() {
        return Collections.unmodifiableList(messages);
    }

    public List<EdiError> errors() {
        return Collections.unmodifiableList(errors);
    }

    public String path() {
        return interchange.standard().groupHeader() + " " + controlNumber;
    }

    void identify(String functionalId, String applicationSender, String applicationReceiver, String controlNumber,
                  String agency, String version) {
        this.functionalId = functionalId;
        this.applicationSender = applicationSender;
        this.applicationReceiver = applicationReceiver;
        this.controlNumber = controlNumber;
        this.agency = agency;
        this.version = version;
    }

    void trailerRead(boolean read) {
        this.trailerRead = read;
    }

    void add(EdiMessage message) {
        messages.add(message);
    }

    /**
     * The group's header and trailer segments as read, when the file was read with bodies (empty otherwise).
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
