package io.orderhub.edi.ack;

import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiSamplesAccess;
import io.orderhub.edi.EdiStandard;
import io.orderhub.validation.PartnerEdi;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which acknowledgement a partner gets, from whom, and that acknowledgements are not answered. */
class AcknowledgementsTest {

    static EdiInterchange first(byte[] content) {
        return EdiSamplesAccess.read(content).interchanges().get(0);
    }

    @Test
    void kindFollowsThePartnersAgreementWithStandardDefaults() {
        assertThat(Acknowledgements.kind(EdiStandard.EDIFACT, null)).isEqualTo("CONTRL");
        assertThat(Acknowledgements.kind(EdiStandard.X12, null)).isEqualTo("997");
        PartnerEdi x999 = new PartnerEdi(List.of("X"), null, null, "999", null, null, false);
        assertThat(Acknowledgements.kind(EdiStandard.X12, x999)).isEqualTo("999");
        assertThat(Acknowledgements.kind(EdiStandard.EDIFACT, x999)).isEqualTo("CONTRL");
        PartnerEdi none = new PartnerEdi(List.of("X"), null, null, "NONE", null, null, false);
        assertThat(Acknowledgements.kind(EdiStandard.X12, none)).isNull();
        assertThatThrownBy(() -> new PartnerEdi(List.of("X"), null, null, "998", null, null, false))
                .hasMessageContaining("'ack' is '998'");
    }

    @Test
    void acknowledgementsAreNotAnswered() {
        EdiInterchange order = first(EdiSamplesAccess.x12("ACMEPO", 1, 1).getBytes(StandardCharsets.UTF_8));
        assertThat(Acknowledgements.isAcknowledgement(order)).isFalse();
        Parties parties = new Parties("HUB", "ZZ", "ACMEPO", "ZZ");
        byte[] x997 = X12FunctionalAck.write(order, X12FunctionalAck.Type.X997, parties,
                new ControlNumbers.Allocation(1, 1, 1, 1), Instant.now(), false);
        assertThat(Acknowledgements.isAcknowledgement(first(x997))).isTrue();
        EdiInterchange edifact = first(EdiSamplesAccess.edifact("4012345000009", 1, 1).getBytes(StandardCharsets.UTF_8));
        byte[] contrl = EdifactContrl.write(edifact, new Parties("HUB", "14", "4012345000009", "14"),
                new ControlNumbers.Allocation(1, 1, 1, 1), Instant.now(), false);
        assertThat(Acknowledgements.isAcknowledgement(first(contrl))).isTrue();
    }

    @Test
    void ownIdComesFromThePartnerThenTheHubThenTheInboundReceiver() {
        EdiInterchange in = first(EdiSamplesAccess.edifact("4012345000009", 1, 1).getBytes(StandardCharsets.UTF_8));
        assertThat(new OwnId("", "").parties(in, Optional.empty()))
                .isEqualTo(new Parties("4099999000001", "14", "4012345000009", "14"));
        assertThat(new OwnId("HUB-GLOBAL", "").parties(in, Optional.empty()))
                .isEqualTo(new Parties("HUB-GLOBAL", "ZZZ", "4012345000009", "14"));
    }
}
