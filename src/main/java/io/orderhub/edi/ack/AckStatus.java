package io.orderhub.edi.ack;

import io.orderhub.edi.EdiError;
import io.orderhub.edi.EdiGroup;
import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiMessage;

import java.util.List;

/**
 * What an acknowledgement says about a message, a group or an interchange, with the codes of X12 (AK5/IK5, AK9
 * and TA1) and EDIFACT (the CONTRL action code 0083).
 */
public enum AckStatus {
    ACCEPTED("A", "7"),
    ACCEPTED_WITH_ERRORS("E", "7"),
    PARTIALLY_ACCEPTED("P", "7"),
    REJECTED("R", "4");

    private final String x12;
    private final String edifact;

    AckStatus(String x12, String edifact) {
        this.x12 = x12;
        this.edifact = edifact;
    }

    /** X12 AK501 / IK501 / AK901 / TA104 (P only for groups). */
    public String x12() {
        return x12;
    }

    /**
     * EDIFACT 0083: 7 (this level acknowledged, and all lower levels unless rejected explicitly) or 4 (this level
     * and all lower levels rejected). A partly accepted level is 7 with its rejected messages listed as 4.
     */
    public String edifact() {
        return edifact;
    }

    /** A message: rejected by an error, accepted with errors when it only has warnings. */
    public static AckStatus of(EdiMessage m) {
        return m.status() == EdiMessage.Status.REJECTED ? REJECTED
                : m.errors().isEmpty() ? ACCEPTED : ACCEPTED_WITH_ERRORS;
    }

    /** A group: rejected by an envelope error, else what its messages add up to. */
    public static AckStatus of(EdiGroup g) {
        if (hasError(g.errors())) {
            return REJECTED;
        }
        return combine(g.messages(), !g.errors().isEmpty());
    }

    /**
     * An interchange the hub read: rejected as a duplicate or when none of its messages was accepted; accepted with
     * errors when its envelope has errors the hub tolerated (the messages were still read).
     */
    public static AckStatus of(EdiInterchange i, boolean duplicate) {
        if (duplicate || i.messages().isEmpty()) {
            return REJECTED;
        }
        AckStatus messages = combine(i.messages(), !i.errors().isEmpty()
                || i.groups().stream().anyMatch(g -> !g.errors().isEmpty()));
        if (i.groups().stream().anyMatch(g -> hasError(g.errors())) && messages != REJECTED) {
            return PARTIALLY_ACCEPTED;
        }
        return messages;
    }

    private static AckStatus combine(List<EdiMessage> messages, boolean envelopeNotes) {
        if (messages.isEmpty()) {
            return REJECTED;
        }
        long rejected = messages.stream().filter(m -> of(m) == REJECTED).count();
        if (rejected == messages.size()) {
            return REJECTED;
        }
        if (rejected > 0) {
            return PARTIALLY_ACCEPTED;
        }
        boolean notes = envelopeNotes || messages.stream().anyMatch(m -> of(m) == ACCEPTED_WITH_ERRORS);
        return notes ? ACCEPTED_WITH_ERRORS : ACCEPTED;
    }

    static boolean hasError(List<EdiError> errors) {
        return errors.stream().anyMatch(EdiError::isError);
    }
}
