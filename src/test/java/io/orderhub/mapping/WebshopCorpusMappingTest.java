package io.orderhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Party;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.orderhub.mapping.MappingTestSupport.EXACT;
import static io.orderhub.mapping.MappingTestSupport.assertProvenanceResolves;
import static io.orderhub.mapping.MappingTestSupport.corpus;
import static io.orderhub.mapping.MappingTestSupport.document;
import static io.orderhub.mapping.MappingTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped mappings (mappings/webshop) against real shop orders from the public corpus. */
class WebshopCorpusMappingTest {

    static final String WOO_ORDER = "woocommerce__woocommerce-ios__order.json";
    static final String WOO_BROKEN = "woocommerce__woocommerce-ios__broken-order.json";
    static final String SHOPIFY_ORDER = "Shopify__shopify_python_api__order.json";

    static Map<String, JsonOrderMapper> mappers;

    @BeforeAll
    static void loadShippedMappings() {
        mappers = MappingSpecLoader.loadAll(Path.of("mappings/webshop")).stream()
                .collect(Collectors.toMap(JsonOrderMapper::format, Function.identity()));
        assertThat(mappers).containsOnlyKeys("woocommerce", "shopify");
    }

    @Test
    void wooCommerceOrderMapsFieldByField() {
        byte[] content = corpus(WOO_ORDER);
        MappedOrder mapped = single(mappers.get("woocommerce").map(document("woocommerce", "WOO-DEMO", content)));
        CanonicalOrder o = mapped.order();

        assertThat(o.sender()).isEqualTo("WOO-DEMO");
        assertThat(o.poNumber()).isEqualTo("963");
        assertThat(o.currency()).isEqualTo("USD");
        // the file has only date_created_gmt "2018-04-03T23:05:12"
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2018, 4, 3));
        assertThat(o.requestedDeliveryDate()).isNull();
        assertThat(o.customerId()).isEqualTo("11");
        assertThat(o.notes()).as("customer_note is empty").isEmpty();
        assertThat(o.buyer()).isEqualTo(new Party("scrambled@scrambled.com", null, null, "Johnny Appleseed",
                null, null, null, null));
        Party address = new Party(null, null, null, "Johnny Appleseed", "234 70th Street", "Niagara Falls", "14304", "US");
        assertThat(o.billTo()).isEqualTo(address);
        assertThat(o.shipTo()).isEqualTo(address);
        assertThat(o.seller()).isNull();

        assertThat(o.lines()).hasSize(2);
        OrderLine first = o.lines().get(0);
        assertThat(first.lineNumber()).isEqualTo(1);
        assertThat(first.buyerItem()).as("sku is \"\"").isNull();
        assertThat(first.description()).isEqualTo("Fruits Basket (Mix & Match Product)");
        assertThat(first.quantity()).isEqualByComparingTo("2");
        assertThat(first.unitPrice()).isEqualByComparingTo("30");
        assertThat(first.amount()).isEqualTo(new BigDecimal("30.00"));
        OrderLine second = o.lines().get(1);
        assertThat(second.lineNumber()).isEqualTo(2);
        assertThat(second.buyerItem()).isEqualTo("5555-A");
        assertThat(second.description()).isEqualTo("Fruits Bundle");
        assertThat(second.quantity()).isEqualByComparingTo("1.5");
        assertThat(second.unitPrice()).isEqualByComparingTo("0");
        assertThat(second.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(first.gtin()).isNull();
        assertThat(first.supplierItem()).isNull();
        assertThat(first.unit()).isNull();

        Map<String, SourceRef> p = mapped.provenance();
        assertThat(p.get("/poNumber")).isEqualTo(SourceRef.jsonPointer("/data/number"));
        assertThat(p.get("/orderDate")).isEqualTo(SourceRef.jsonPointer("/data/date_created_gmt"));
        assertThat(p.get("/customerId")).isEqualTo(SourceRef.jsonPointer("/data/customer_id"));
        assertThat(p.get("/buyer/name")).isEqualTo(SourceRef.jsonPointer("/data/billing/first_name"));
        assertThat(p.get("/shipTo/city")).isEqualTo(SourceRef.jsonPointer("/data/shipping/city"));
        assertThat(p.get("/lines/1/quantity")).isEqualTo(SourceRef.jsonPointer("/data/line_items/1/quantity"));
        assertThat(p.get("/lines/1/buyerItem")).isEqualTo(SourceRef.jsonPointer("/data/line_items/1/sku"));
        assertThat(p.get("/lines/0/lineNumber")).isEqualTo(SourceRef.jsonPointer("/data/line_items/0"));
        assertThat(p).doesNotContainKey("/lines/0/buyerItem");
        assertProvenanceResolves(tree(content), mapped);
    }

    @Test
    void wooCommerceWebhookBodyIsTheBareOrderObject() throws Exception {
        JsonNode wrapped = tree(corpus(WOO_ORDER));
        byte[] bare = EXACT.writeValueAsBytes(wrapped.get("data"));
        MappedOrder fromWrapped = single(mappers.get("woocommerce").map(document("woocommerce", "WOO-DEMO",
                corpus(WOO_ORDER))));
        MappedOrder fromBare = single(mappers.get("woocommerce").map(document("woocommerce", "WOO-DEMO", bare)));

        assertThat(fromBare.order()).isEqualTo(fromWrapped.order());
        assertThat(fromBare.provenance().get("/lines/1/unitPrice"))
                .isEqualTo(SourceRef.jsonPointer("/line_items/1/price"));
        assertProvenanceResolves(tree(bare), fromBare);
    }

    @Test
    void shopifyOrderMapsFieldByField() {
        byte[] content = corpus(SHOPIFY_ORDER);
        MappedOrder mapped = single(mappers.get("shopify").map(document("shopify", "SHOPIFY-DEMO", content)));
        CanonicalOrder o = mapped.order();

        assertThat(o.sender()).isEqualTo("SHOPIFY-DEMO");
        assertThat(o.poNumber()).isEqualTo("#1001");
        assertThat(o.currency()).isEqualTo("USD");
        // created_at "2008-01-10T11:00:00-05:00": the date in the shop's offset
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2008, 1, 10));
        assertThat(o.customerId()).isEqualTo("207119551");
        assertThat(o.notes()).as("note is null").isEmpty();
        assertThat(o.buyer()).isEqualTo(new Party("bob.norman@hostmail.com", null, null, "Bob Norman",
                null, null, null, null));
        Party address = new Party(null, null, null, "Bob Norman", "Chestnut Street 92", "Louisville", "40202", "US");
        assertThat(o.billTo()).isEqualTo(address);
        assertThat(o.shipTo()).isEqualTo(address);

        assertThat(o.lines()).extracting(OrderLine::lineNumber).containsExactly(1, 2, 3);
        assertThat(o.lines()).extracting(OrderLine::buyerItem)
                .containsExactly("IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK");
        assertThat(o.lines()).extracting(OrderLine::description)
                .containsExactly("IPod Nano - 8gb - green", "IPod Nano - 8gb - red", "IPod Nano - 8gb - black");
        for (OrderLine line : o.lines()) {
            assertThat(line.quantity()).isEqualByComparingTo("1");
            assertThat(line.unitPrice()).isEqualTo(new BigDecimal("199.00"));
            assertThat(line.amount()).as("Shopify sends no line total").isNull();
        }

        Map<String, SourceRef> p = mapped.provenance();
        assertThat(p.get("/poNumber")).isEqualTo(SourceRef.jsonPointer("/order/name"));
        assertThat(p.get("/orderDate")).isEqualTo(SourceRef.jsonPointer("/order/created_at"));
        assertThat(p.get("/customerId")).isEqualTo(SourceRef.jsonPointer("/order/customer/id"));
        assertThat(p.get("/shipTo/country")).isEqualTo(SourceRef.jsonPointer("/order/shipping_address/country_code"));
        assertThat(p.get("/lines/2/unitPrice")).isEqualTo(SourceRef.jsonPointer("/order/line_items/2/price"));
        assertThat(p.get("/lines/0/buyerItem")).isEqualTo(SourceRef.jsonPointer("/order/line_items/0/sku"));
        assertProvenanceResolves(tree(content), mapped);
    }

    @Test
    void shopifyWebhookBodyIsTheBareOrderObject() throws Exception {
        byte[] bare = EXACT.writeValueAsBytes(tree(corpus(SHOPIFY_ORDER)).get("order"));
        MappedOrder mapped = single(mappers.get("shopify").map(document("shopify", "SHOPIFY-DEMO", bare)));

        assertThat(mapped.order().poNumber()).isEqualTo("#1001");
        assertThat(mapped.order().lines()).hasSize(3);
        assertThat(mapped.provenance().get("/poNumber")).isEqualTo(SourceRef.jsonPointer("/name"));
        assertProvenanceResolves(tree(bare), mapped);
    }

    /**
     * The negative corpus file, a WooCommerce checkout draft without line items, null dates and empty addresses, is
     * rejected: the WooCommerce mapping requires line items, and that is the one problem.
     */
    @Test
    void brokenWooCommerceOrderIsRejectedForHavingNoLines() {
        MappingResult result = mappers.get("woocommerce").map(document("woocommerce", "WOO-DEMO",
                corpus(WOO_BROKEN)));

        assertThat(result.rejected()).isTrue();
        assertThat(result.format()).isEqualTo("woocommerce");
        assertThat(result.problems()).extracting(Problem::path, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/data/line_items", ProblemCodes.NO_LINES));
        assertThat(result.problems().get(0).message()).contains("no line items");
    }

    /** With lines not required, the same draft maps to an order with no lines, and only what it really holds. */
    @Test
    void brokenWooCommerceOrderMapsWithoutLinesWhenLinesAreOptional() {
        MappingSpec shipped = mappers.get("woocommerce").spec();
        MappingSpec optional = new MappingSpec(shipped.format(), shipped.description(), shipped.roots(),
                shipped.fields(), new LineRules(shipped.lines().from(), false, shipped.lines().fields()));
        byte[] content = corpus(WOO_BROKEN);

        MappedOrder mapped = single(new JsonOrderMapper(optional, "test").map(document("woocommerce", "WOO-DEMO",
                content)));
        CanonicalOrder o = mapped.order();
        assertThat(o.poNumber()).isEqualTo("85");
        assertThat(o.currency()).isEqualTo("GBP");
        assertThat(o.orderDate()).as("date_created is null").isNull();
        assertThat(o.customerId()).as("customer_id 0 is a guest, billing email is empty").isNull();
        assertThat(o.buyer()).as("all billing fields are empty").isNull();
        assertThat(o.shipTo()).isNull();
        assertThat(o.billTo()).isNull();
        assertThat(o.lines()).isEmpty();
        assertThat(mapped.provenance()).containsOnlyKeys("/currency", "/poNumber");
        assertProvenanceResolves(tree(content), mapped);
    }

    private static MappedOrder single(MappingResult result) {
        assertThat(result.problems()).as("problems").isEmpty();
        assertThat(result.orders()).hasSize(1);
        assertThat(result.orders().get(0).index()).isZero();
        return result.orders().get(0);
    }
}
