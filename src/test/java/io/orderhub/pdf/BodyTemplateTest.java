package io.orderhub.pdf;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerMail;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Orders typed into a mail's text, read with the shipped body template mappings/body/acme-mail.body.yaml. */
public class BodyTemplateTest {

    static final BodyTemplateFiles TEMPLATES = BodyTemplateFiles.load(PdfFixtures.MAPPINGS, List.of());

    /** A mail text in the format of mappings/body/acme-mail.body.yaml with this PO number. */
    public static String text(String po) {
        return """
                Hello,

                please deliver the following.

                Order number: %s
                Order date: 27.11.2026
                Our GLN: 4012345000009

                Items:
                  5 x A-100 Widget steel @ 12,50
                120 x B-310 Hinge brass @ 1.001,95
                --
                Best regards, ACME purchasing
                """.formatted(po);
    }

    @Test
    void fieldsAndLinesAreReadWithLineAndColumnAsProvenance() {
        MappingResult result = TEMPLATES.apply("acme-mail", "BODY-P", text("PO-BODY-1")).orElseThrow();
        MappedOrder order = result.orders().get(0);

        assertThat(order.problems()).isEmpty();
        assertThat(order.order().poNumber()).isEqualTo("PO-BODY-1");
        assertThat(order.order().orderDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(order.order().buyer().gln()).isEqualTo("4012345000009");
        assertThat(order.order().currency()).isEqualTo("EUR");
        assertThat(order.order().lines()).hasSize(2);
        assertThat(order.order().lines().get(0).buyerItem()).isEqualTo("A-100");
        assertThat(order.order().lines().get(0).description()).isEqualTo("Widget steel");
        assertThat(order.order().lines().get(0).quantity()).isEqualByComparingTo("5");
        assertThat(order.order().lines().get(1).unitPrice()).isEqualByComparingTo("1001.95");
        assertThat(order.provenance().get("/poNumber").locator()).isEqualTo("line 5, column 15");
        assertThat(order.provenance().get("/orderDate").locator()).isEqualTo("line 6, column 13");
        assertThat(order.provenance().get("/lines/1/unitPrice").locator()).isEqualTo("line 11, column 27");
        assertThat(order.provenance().get("/poNumber").kind()).isEqualTo("body");
    }

    @Test
    void missingOrBadFieldsAreProblemsNamingTheField() {
        String text = text("PO-BODY-2").replace("Order date: 27.11.2026", "Order date: 2026/11/27")
                .replace("Our GLN: 4012345000009\n", "");
        MappedOrder order = TEMPLATES.apply("acme-mail.body.yaml", "BODY-P", text).orElseThrow().orders().get(0);
        assertThat(order.problems()).extracting(Problem::path).containsExactlyInAnyOrder("/orderDate", "/buyer/gln");
        assertThat(order.problems()).extracting(Problem::message).anySatisfy(m ->
                assertThat(m).contains("orderDate at line 6, column 13: '2026/11/27' is not a date in the format dd.MM.yyyy"));
    }

    @Test
    void aTextWithoutAnythingOfTheTemplateIsRejectedAndAnUnknownTemplateReadsNothing() {
        MappingResult result = TEMPLATES.apply("acme-mail", "BODY-P", "Hi, call me back. Thanks").orElseThrow();
        assertThat(result.rejected()).isTrue();
        assertThat(result.problems().get(0).code()).isEqualTo("no-order");
        assertThat(TEMPLATES.apply("nope", "BODY-P", "x")).isEmpty();
    }

    @Test
    void aPartnerNamingAMissingBodyTemplateStopsTheStart() {
        Partner p = new Partner("B", "B", 5, 24.0, List.of(), List.of(), true, null, null, null, null, null,
                new PartnerMail(List.of("@b.example"), false, false, "missing-template", false), null);
        assertThatThrownBy(() -> BodyTemplateFiles.load(Path.of("mappings"), List.of(p)))
                .hasMessageContaining("Partner B: mail.bodyTemplate 'missing-template' is not in");
    }

    @Test
    void aBadTemplateIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> BodyTemplate.of("x.body.yaml", new BodyTemplate.Spec(null, null, null,
                Map.of(), new BodyTemplate.Lines("(?<qty>\\d+)", null, null, null))))
                .hasMessageContaining("group 'qty' is not a canonical line field");
    }
}
