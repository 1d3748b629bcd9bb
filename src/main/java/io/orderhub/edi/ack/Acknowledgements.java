package io.orderhub.edi.ack;

import io.orderhub.edi.EdiDocument;
import io.orderhub.edi.EdiGroup;
import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiMessage;
import io.orderhub.edi.EdiPartners;
import io.orderhub.edi.EdiStandard;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Channel;
import io.orderhub.queue.Intake;
import io.orderhub.queue.IntakeOutcome;
import io.orderhub.support.Ids;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerDirectory;
import io.orderhub.validation.PartnerEdi;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * After the pipeline's commit: writes the acknowledgement of every EDI interchange of the document — CONTRL for
 * EDIFACT, 997 or 999 for X12, as the sending partner's {@code edi.ack} says — and stores it linked to the document
 * ({@code edi_acknowledgements}). Acknowledgements of files from a partner's drop get the partner's outbound
 * folder as destination, where the outbox route ({@code edi-outbox}) delivers them; the others are kept for the API
 * ({@code GET /api/documents/{id}/acknowledgements}). Idempotent: a document read again (a replayed file) gets no
 * second acknowledgement. Interchanges that are acknowledgements themselves are not answered.
 */
public final class Acknowledgements {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);
    /** The exchange property the pipeline keeps the planned intake in, for this step after the commit. */
    public static final String INTAKE = "orderhubIntake";
    private static final Set<String> ACK_TYPES = Set.of("CONTRL", "997", "999", "TA1", "APERAK");

    private final AckStore store;
    private final EdiPartners ediPartners;
    private final PartnerDirectory partners;
    private final OwnId ownId;
    private final Clock clock;

    public Acknowledgements(AckStore store, EdiPartners ediPartners, PartnerDirectory partners, OwnId ownId, Clock clock) {
        this.store = store;
        this.ediPartners = ediPartners;
        this.partners = partners;
        this.ownId = ownId;
        this.clock = clock;
    }

    /** Pipeline step after the commit (body: the outcome, unchanged). */
    public void acknowledge(@Body IntakeOutcome outcome, @ExchangeProperty(INTAKE) Intake intake) {
        if (outcome == null || intake == null) {
            return;
        }
        List<EdiDocument> edi = InterchangeRegistry.ediDocuments(intake.mapping().envelopes());
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (EdiDocument d : edi) {
            for (EdiInterchange i : d.interchanges()) {
                n++;
                boolean repeatInFile = InterchangeRegistry.registrable(i) && !seen.add(InterchangeRegistry.key(i));
                try {
                    acknowledge(outcome.documentId(), intake.document(), i, n, repeatInFile);
                } catch (RuntimeException e) {
                    if (e instanceof io.orderhub.support.Database.DataAccessException) {
                        throw e;
                    }
                    LOG.error("No acknowledgement for interchange {} of document {}: {}", i.path(), outcome.documentId(),
                            e.toString(), e);
                }
            }
        }
    }

    private void acknowledge(UUID documentId, InboundDocument doc, EdiInterchange in, int n, boolean repeatInFile) {
        if (isAcknowledgement(in)) {
            return;
        }
        Optional<Partner> partner = ediPartners.bySender(in.senderId())
                .or(() -> partners.find(doc.senderHint()));
        String kind = kind(in.standard(), partner.map(Partner::edi).orElse(null));
        if (kind == null) {
            return;
        }
        String subject = "interchange " + n + " " + in.path();
        if (store.exists(documentId, subject)) {
            return;
        }
        Instant now = clock.instant();
        String destination = destination(doc, partner);
        String partnerKey = partner.map(Partner::id).orElse(in.standard().format() + ":" + in.senderId());
        Parties parties = ownId.parties(in, partner);
        store.database().inTransaction(c -> {
            boolean duplicate = repeatInFile;
            if (!duplicate && InterchangeRegistry.registrable(in)) {
                duplicate = InterchangeRegistry.earlier(c, in).map(e -> !e.documentId().equals(documentId)).orElse(false);
            }
            int messages = in.standard() == EdiStandard.EDIFACT ? 1 : X12FunctionalAck.messages(in, duplicate);
            ControlNumbers.Allocation numbers = ControlNumbers.next(c, partnerKey, messages);
            byte[] content;
            String control;
            if (in.standard() == EdiStandard.EDIFACT) {
                content = EdifactContrl.write(in, parties, numbers, now, duplicate);
                control = Long.toString(numbers.interchange());
            } else {
                X12FunctionalAck.Type type = "999".equals(kind) ? X12FunctionalAck.Type.X999 : X12FunctionalAck.Type.X997;
                content = X12FunctionalAck.write(in, type, parties, numbers, now, duplicate);
                control = ControlNumbers.isa13(numbers.interchange());
            }
            AckStatus status = AckStatus.of(in, duplicate);
            String fileName = fileName(kind, partnerKey, control, in.standard());
            StoredAck ack = new StoredAck(Ids.newId(), documentId, subject, null, partner.map(Partner::id).orElse(null),
                    kind, in.standard().format(), in.controlNumber(), control, duplicate ? "DUPLICATE" : status.name(),
                    fileName, destination, now, null, null, content);
            if (AckStore.insert(c, ack)) {
                LOG.info("{} {} for interchange {} of document {}: {}{}", kind, control, in.path(), documentId,
                        ack.status(), destination == null ? " (kept for the API)" : " (to " + destination + ")");
            }
            return null;
        });
    }

    /** The acknowledgement a partner gets for an interchange of this standard, or null for none. */
    static String kind(EdiStandard standard, PartnerEdi edi) {
        String ack = edi == null ? null : edi.ack();
        if ("none".equals(ack)) {
            return null;
        }
        if (standard == EdiStandard.EDIFACT) {
            return "CONTRL";
        }
        return "999".equals(ack) ? "999" : "997";
    }

    /** Files from a partner's drop are answered into the partner's outbound folder; other channels keep them. */
    private String destination(InboundDocument doc, Optional<Partner> partner) {
        if (doc.channel() != Channel.SFTP && doc.channel() != Channel.FOLDER) {
            return null;
        }
        return partners.find(doc.senderHint()).or(() -> partner).filter(p -> p.drop() != null)
                .map(p -> OutboundRoutes.endpointFor(p.id())).orElse(null);
    }

    static boolean isAcknowledgement(EdiInterchange in) {
        if (in.messages().isEmpty()) {
            return in.groups().stream().anyMatch(g -> "FA".equals(g.functionalId()));
        }
        for (EdiMessage m : in.messages()) {
            EdiGroup g = m.group();
            boolean ack = (m.type() != null && ACK_TYPES.contains(m.type())) || (g != null && "FA".equals(g.functionalId()));
            if (!ack) {
                return false;
            }
        }
        return true;
    }

    static String fileName(String kind, String partner, String control, EdiStandard standard) {
        String safe = partner.replaceAll("[^A-Za-z0-9._-]", "_");
        return kind + "_" + safe + "_" + control + (standard == EdiStandard.EDIFACT ? ".edi" : ".x12");
    }
}
