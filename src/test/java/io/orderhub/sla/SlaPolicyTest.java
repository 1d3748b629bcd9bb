package io.orderhub.sla;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.Party;
import io.orderhub.queue.SlaPolicy;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerSla;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.orderhub.sla.BusinessCalendarTest.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which agreement applies to an order, and the due and at-risk times it gives. */
class SlaPolicyTest {

    static Calendars calendars() throws Exception {
        return BusinessCalendarTest.calendars(BusinessCalendarTest.FILE);
    }

    static SlaPolicy policy() throws Exception {
        return new SlaPolicy(5, Duration.ofHours(24), null, 20, Duration.ofMinutes(30), calendars());
    }

    static Partner partner(Integer priority, Double slaHours, PartnerSla sla, Partner.Customer... customers) {
        return new Partner("P", "P", priority, slaHours, List.of(), List.of(customers), false, null, null, null, null,
                null, null, null, sla);
    }

    static CanonicalOrder orderFor(String buyerId) {
        return new CanonicalOrder("P", null, "PO-1", null, null, "EUR",
                new Party(buyerId, null, null, "Buyer", null, null, null, null), null, null, null, List.of(), List.of());
    }

    @Test
    void keyAccountWindowCountsBusinessHoursOfItsCalendar() throws Exception {
        Partner p = partner(3, 24.0, new PartnerSla(4, "PT8H", "de-office", null, null),
                new Partner.Customer("KEY", "Key account", new PartnerSla(1, "PT2H", null, null, null)));
        SlaPolicy.Plan plan = policy().plan(Optional.of(p), orderFor("KEY"), berlin("2026-11-27T17:30"));
        assertThat(plan.priority()).isEqualTo(1);
        // the customer's block names no calendar: the partner's (de-office) applies
        assertThat(plan.dueAt()).isEqualTo(berlin("2026-11-30T09:30"));
        // at risk with 30 min left (20 % of 2 h is 24 min; 30 min comes first)
        assertThat(plan.atRiskAt()).isEqualTo(berlin("2026-11-30T09:00"));
    }

    @Test
    void otherCustomersOfThePartnerGetThePartnersAgreement() throws Exception {
        Partner p = partner(3, 24.0, new PartnerSla(4, "PT8H", "de-office", null, null),
                new Partner.Customer("KEY", "Key account", new PartnerSla(1, "PT2H", null, null, null)));
        SlaPolicy.Plan plan = policy().plan(Optional.of(p), orderFor("OTHER"), berlin("2026-11-26T10:00"));
        assertThat(plan.priority()).isEqualTo(4);
        assertThat(plan.dueAt()).isEqualTo(berlin("2026-11-26T18:00"));
        // 20 % of 8 h = 96 min left, more than 30 min
        assertThat(plan.atRiskAt()).isEqualTo(berlin("2026-11-26T16:24"));
    }

    @Test
    void legacyPriorityAndSlaHoursStillApplyAroundTheClock() throws Exception {
        Partner p = partner(3, 4.0, null);
        Instant received = Instant.parse("2026-11-28T22:00:00Z");
        SlaPolicy.Plan plan = policy().plan(Optional.of(p), orderFor("X"), received);
        assertThat(plan.priority()).isEqualTo(3);
        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
        assertThat(plan.atRiskAt()).isEqualTo(Instant.parse("2026-11-29T01:12:00Z"));
        assertThat(new SlaPolicy(5, 24).plan(Optional.of(p), orderFor("X"), received).dueAt())
                .isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
    }

    @Test
    void unknownSenderGetsTheDefaults() throws Exception {
        SlaPolicy withCalendar = new SlaPolicy(6, Duration.ofHours(2), "de-office", 50, Duration.ZERO, calendars());
        SlaPolicy.Plan plan = withCalendar.plan(Optional.empty(), orderFor("X"), berlin("2026-11-27T17:30"));
        assertThat(plan.priority()).isEqualTo(6);
        assertThat(plan.dueAt()).isEqualTo(berlin("2026-11-30T09:30"));
        assertThat(plan.atRiskAt()).isEqualTo(berlin("2026-11-30T08:30"));
    }

    @Test
    void partnersOwnAtRiskThresholdsOverrideTheGlobalOnes() throws Exception {
        Partner p = partner(3, null, new PartnerSla(null, "PT10H", null, 50.0, "PT1H"));
        SlaPolicy.Plan plan = policy().plan(Optional.of(p), orderFor("X"), Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(plan.atRiskAt()).isEqualTo(Instant.parse("2026-11-26T05:00:00Z"));
    }

    @Test
    void windowShorterThanTheThresholdIsAtRiskFromReceipt() throws Exception {
        Partner p = partner(3, null, new PartnerSla(null, "PT20M", null, null, null));
        Instant received = Instant.parse("2026-11-26T00:00:00Z");
        assertThat(policy().plan(Optional.of(p), orderFor("X"), received).atRiskAt()).isEqualTo(received);
    }

    @Test
    void mistakesInAgreementsStopTheStartNamingPartnerAndCustomer() throws Exception {
        SlaPolicy policy = policy();
        assertThatThrownBy(() -> policy.check(List.of(partner(1, null, new PartnerSla(null, "2h", null, null, null)))))
                .hasMessage("partner P: sla.window '2h' is not an ISO-8601 duration such as PT2H, PT30M or P1D");
        assertThatThrownBy(() -> policy.check(List.of(partner(1, null, null,
                new Partner.Customer("C9", "x", new PartnerSla(null, null, "mars-office", null, null))))))
                .hasMessageStartingWith("partner P, customer C9: sla.calendar names calendar 'mars-office', which the"
                        + " calendar file does not define");
        assertThatThrownBy(() -> policy.check(List.of(partner(1, null, new PartnerSla(null, null, null, 120.0, null)))))
                .hasMessage("partner P: sla.atRiskPercent must be from 0 to 100, is 120.0");
    }

    @Test
    void theShippedPartnerFileHasValidAgreements() throws Exception {
        var partners = io.orderhub.validation.PartnerDirectory.load(java.nio.file.Path.of("mappings/partners.yaml"));
        SlaPolicy policy = new SlaPolicy(5, Duration.ofHours(24), null, 20, Duration.ofMinutes(30),
                Calendars.load(java.nio.file.Path.of("mappings/calendars.yaml")));
        policy.check(partners.all());
        Partner acme = partners.find("ACME-SHOP").orElseThrow();
        SlaPolicy.Plan keyAccount = policy.plan(Optional.of(acme), orderFor("4012345000016"), berlin("2026-11-27T17:30"));
        assertThat(keyAccount.priority()).isEqualTo(1);
        assertThat(keyAccount.dueAt()).isEqualTo(berlin("2026-11-30T09:30"));
    }
}
