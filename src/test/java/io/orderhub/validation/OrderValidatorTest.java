package io.orderhub.validation;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Party;
import io.orderhub.model.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Business rules against the shipped partner file mappings/partners.yaml and its ACME catalogue. */
class OrderValidatorTest {

    static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("mappings/partners.yaml"));
    static final ValidationRules DEFAULT_RULES = ValidationRules.parse(
            "poNumber,orderDate,currency,buyer,lines,lines.quantity,lines.item", true, true, 5);

    static OrderLine line(String item, String qty, String price) {
        return new OrderLine(1, item, null, null, null, qty == null ? null : new BigDecimal(qty), "EA",
                price == null ? null : new BigDecimal(price), null);
    }

    static CanonicalOrder order(String sender, String buyerId, List<OrderLine> lines) {
        return new CanonicalOrder(sender, null, "PO-1", LocalDate.of(2026, 11, 27), null, "EUR",
                buyerId == null ? null : new Party(buyerId, null, null, null, null, null, null, null),
                null, null, null, lines, List.of());
    }

    static List<String> codes(List<Problem> problems) {
        return problems.stream().map(p -> p.path() + " " + p.code()).toList();
    }

    @Test
    void knownCustomerWithCatalogueItemsAtAgreedPricesPasses() {
        OrderValidator v = new OrderValidator(PARTNERS, DEFAULT_RULES);
        assertThat(v.validate(order("ACME-SHOP", "4012345000009",
                List.of(line("A-100", "5", "12.50"), line("A-200", "1", "8.20"))))).isEmpty();
    }

    @Test
    void requiredFieldsArePerConfiguration() {
        CanonicalOrder bare = new CanonicalOrder("ACME-SHOP", null, null, null, null, null,
                new Party("4012345000009", null, null, null, null, null, null, null), null, null, null,
                List.of(line(null, null, null)), List.of());
        assertThat(codes(new OrderValidator(PARTNERS, DEFAULT_RULES).validate(bare))).containsExactlyInAnyOrder(
                "/poNumber required", "/orderDate required", "/currency required",
                "/lines/0/quantity required", "/lines/0 required");
        ValidationRules lenient = ValidationRules.parse("", true, false, 5);
        assertThat(new OrderValidator(PARTNERS, lenient).validate(bare)).isEmpty();
    }

    @Test
    void aCurrencyThatIsNotAnIsoCodeIsAProblemNotADatabaseError() {
        CanonicalOrder usDollar = new CanonicalOrder("ACME-SHOP", null, "PO-1", LocalDate.of(2026, 11, 27), null,
                "USDOLLAR", new Party("4012345000009", null, null, null, null, null, null, null), null, null, null,
                List.of(line("A-100", "5", "12.50")), List.of());

        List<Problem> problems = new OrderValidator(PARTNERS, DEFAULT_RULES).validate(usDollar);

        assertThat(codes(problems)).containsExactly("/currency bad-currency");
        assertThat(problems.get(0).message()).contains("'USDOLLAR'");
    }

    @Test
    void unknownSenderAndUnknownCustomerAreNamed() {
        OrderValidator v = new OrderValidator(PARTNERS, DEFAULT_RULES);
        assertThat(codes(v.validate(order("NOBODY", "4012345000009", List.of(line("A-100", "1", "12.5"))))))
                .containsExactly("/sender unknown-sender");
        assertThat(codes(v.validate(order("ACME-SHOP", "123", List.of(line("A-100", "1", "12.5"))))))
                .containsExactly("/buyer unknown-customer");
    }

    @Test
    void webShopPartnersAcceptAnyConsumerAsBuyer() {
        OrderValidator v = new OrderValidator(PARTNERS, DEFAULT_RULES);
        assertThat(v.validate(order("WOO-DEMO", "consumer-77", List.of(line("HOODIE", "1", "45"))))).isEmpty();
    }

    @Test
    void quantityAndPriceRules() {
        OrderValidator v = new OrderValidator(PARTNERS, DEFAULT_RULES);
        List<Problem> p = v.validate(order("ACME-SHOP", "4012345000009", List.of(
                line("A-100", "-1", "12.50"), line("A-100", "1", "13.10"), line("A-100", "1", "13.20"),
                line("ZZZ", "1", "1"), line("A-300", "1", "-0.85"))));
        assertThat(codes(p)).containsExactly("/lines/0/quantity not-positive",
                "/lines/2/unitPrice price-out-of-tolerance", "/lines/3 unknown-item",
                "/lines/4/unitPrice negative", "/lines/4/unitPrice price-out-of-tolerance");
        assertThat(p.get(1).message()).contains("13.20").contains("12.50").contains("5.6");
    }

    @Test
    void unknownRequiredFieldNameIsAConfigurationError() {
        assertThatThrownBy(() -> ValidationRules.parse("poNumber,colour", true, true, 5))
                .hasMessageContaining("colour");
    }
}
