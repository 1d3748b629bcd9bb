package io.orderhub.edi.ack;

import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiStandard;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerEdi;

import java.util.Optional;

/**
 * The hub's own interchange id in what it sends: the partner's {@code edi.ownId} / {@code edi.ownQualifier}, else
 * {@code orderhub.edi.own-id} / {@code orderhub.edi.own-qualifier}, else the id (and qualifier) the partner
 * addressed the inbound interchange to. The receiver is always the inbound interchange's sender.
 *
 * @param id        the global own id, blank for none
 * @param qualifier the global own qualifier, blank for the standard's default ({@code ZZZ} mutually defined for
 *                  EDIFACT, {@code ZZ} for X12)
 */
public record OwnId(String id, String qualifier) {

    public Parties parties(EdiInterchange in, Optional<Partner> partner) {
        Optional<PartnerEdi> edi = partner.map(Partner::edi);
        String ownId = edi.map(PartnerEdi::ownId).filter(s -> !s.isBlank()).orElse(blank(id) ? null : id.strip());
        String ownQualifier = edi.map(PartnerEdi::ownQualifier).filter(s -> !s.isBlank())
                .orElse(blank(qualifier) ? null : qualifier.strip());
        if (ownId == null) {
            ownId = in.receiverId();
            if (ownQualifier == null) {
                ownQualifier = in.receiverQualifier();
            }
        }
        if (ownQualifier == null || ownQualifier.isBlank()) {
            ownQualifier = in.standard() == EdiStandard.EDIFACT ? "ZZZ" : "ZZ";
        }
        String partnerQualifier = in.senderQualifier() == null || in.senderQualifier().isBlank()
                ? (in.standard() == EdiStandard.EDIFACT ? null : "ZZ") : in.senderQualifier();
        return new Parties(ownId, ownQualifier, in.senderId(), partnerQualifier);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
