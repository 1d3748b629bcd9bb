package io.orderhub.mapping;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static io.orderhub.mapping.MappingTestSupport.assertProvenanceResolves;
import static io.orderhub.mapping.MappingTestSupport.document;
import static io.orderhub.mapping.MappingTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

/** The mapping engine with small specs written here: each transform, roots, lines and every kind of bad input. */
class JsonOrderMapperTest {

    /** A spec of a made-up shop that uses every kind of rule. */
    static final String SHOP_SPEC = """
            format: testshop
            roots: ["/envelope/order", ""]
            fields:
              poNumber: {from: [/ref, /id]}
              orderDate: {from: /placed}
              requestedDeliveryDate: {from: /deliver_on}
              currency: {constant: EUR}
              customerId: {from: [/customer/id, /customer/email], emptyValues: ["0", "guest"]}
              notes: {from: /remark}
              buyer.name: {join: [/customer/first, /customer/last]}
              shipTo.street: {join: [/ship/line1, /ship/line2], separator: ", "}
              shipTo.country: {constant: DE}
            lines:
              from: /items
              fields:
                lineNumber: {from: /pos}
                buyerItem: {from: [/sku, /article]}
                gtin: {from: /ean}
                quantity: {from: /qty}
                unitPrice: {from: /price}
                amount: {from: /total}
            """;

    static JsonOrderMapper mapper(String yaml) {
        return new JsonOrderMapper(MappingSpecLoader.read(yaml.getBytes(StandardCharsets.UTF_8), "test.mapping.yaml"),
                "test.mapping.yaml");
    }

    static MappingResult map(String spec, String json) {
        return mapper(spec).map(document("testshop", "SHOP-1", json));
    }

    static MappedOrder single(MappingResult result) {
        assertThat(result.problems()).as("problems").isEmpty();
        assertThat(result.orders()).hasSize(1);
        return result.orders().get(0);
    }

    @Test
    void everyRuleKindAndItsProvenance() {
        String json = """
                {"envelope": {"order": {
                  "id": 4711, "ref": " ", "placed": "2026-11-27 09:15:00", "deliver_on": "2026-12-01",
                  "remark": "ring twice",
                  "customer": {"id": 0, "email": "ann@example.org", "first": "Ann", "last": ""},
                  "ship": {"line1": "Main St 1", "line2": "Apt 4"},
                  "items": [
                    {"sku": "", "article": "A-1", "ean": "4006381333931", "qty": "3", "price": "2.50", "total": 7.5},
                    {"pos": "20", "sku": "B-2", "qty": 1, "price": 10}
                  ]}}}
                """;
        MappedOrder mapped = single(map(SHOP_SPEC, json));
        CanonicalOrder o = mapped.order();

        assertThat(o.sender()).as("the channel's sender hint").isEqualTo("SHOP-1");
        assertThat(o.poNumber()).as("blank ref, then the numeric id as text").isEqualTo("4711");
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(o.requestedDeliveryDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(o.currency()).isEqualTo("EUR");
        assertThat(o.customerId()).as("customer id 0 counts as absent").isEqualTo("ann@example.org");
        assertThat(o.notes()).containsExactly("ring twice");
        assertThat(o.buyer().name()).as("empty last name is left out of the join").isEqualTo("Ann");
        assertThat(o.shipTo().street()).isEqualTo("Main St 1, Apt 4");
        assertThat(o.shipTo().country()).isEqualTo("DE");
        assertThat(o.shipTo().city()).isNull();
        assertThat(o.billTo()).isNull();

        assertThat(o.lines().get(0).lineNumber()).as("no pos: position + 1").isEqualTo(1);
        assertThat(o.lines().get(0).buyerItem()).isEqualTo("A-1");
        assertThat(o.lines().get(0).gtin()).isEqualTo("4006381333931");
        assertThat(o.lines().get(0).quantity()).isEqualTo(new BigDecimal("3"));
        assertThat(o.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("2.50"));
        assertThat(o.lines().get(0).amount()).isEqualTo(new BigDecimal("7.5"));
        assertThat(o.lines().get(1).lineNumber()).as("pos \"20\"").isEqualTo(20);
        assertThat(o.lines().get(1).buyerItem()).isEqualTo("B-2");
        assertThat(o.lines().get(1).gtin()).isNull();
        assertThat(o.lines().get(1).amount()).isNull();

        assertThat(mapped.provenance()).contains(
                entry("/poNumber", SourceRef.jsonPointer("/envelope/order/id")),
                entry("/customerId", SourceRef.jsonPointer("/envelope/order/customer/email")),
                entry("/notes/0", SourceRef.jsonPointer("/envelope/order/remark")),
                entry("/buyer/name", SourceRef.jsonPointer("/envelope/order/customer/first")),
                entry("/shipTo/street", SourceRef.jsonPointer("/envelope/order/ship/line1")),
                entry("/lines/0/lineNumber", SourceRef.jsonPointer("/envelope/order/items/0")),
                entry("/lines/0/buyerItem", SourceRef.jsonPointer("/envelope/order/items/0/article")),
                entry("/lines/1/lineNumber", SourceRef.jsonPointer("/envelope/order/items/1/pos")));
        SourceRef constant = mapped.provenance().get("/currency");
        assertThat(constant.kind()).isEqualTo(FieldReader.MAPPING_SOURCE);
        assertThat(constant.locator()).isEqualTo("test.mapping.yaml currency (constant)");
        assertThat(mapped.provenance().get("/shipTo/country").kind()).isEqualTo(FieldReader.MAPPING_SOURCE);
        assertThat(mapped.provenance()).doesNotContainKeys("/shipTo/city", "/lines/1/gtin", "/lines/1/amount");
    }

    @Test
    void theSecondRootIsUsedWhenTheFirstIsNotAnObject() {
        MappedOrder mapped = single(map(SHOP_SPEC, """
                {"envelope": "not here", "id": "A-9", "items": [{"sku": "X", "qty": 2}]}"""));

        assertThat(mapped.order().poNumber()).isEqualTo("A-9");
        assertThat(mapped.provenance().get("/poNumber")).isEqualTo(SourceRef.jsonPointer("/id"));
        assertThat(mapped.provenance().get("/lines/0/quantity")).isEqualTo(SourceRef.jsonPointer("/items/0/qty"));
    }

    @Test
    void provenanceOfAMappedOrderResolvesInTheOriginal() {
        String json = """
                {"id": 12, "placed": "2026-01-02T03:04:05Z", "customer": {"first": "Bo", "last": "Li"},
                 "ship": {"line1": "Elm 2"}, "items": [{"sku": "S", "qty": 1.25, "price": "4", "total": "5.00"}]}""";
        MappedOrder mapped = single(map(SHOP_SPEC.replace("currency: {constant: EUR}", "currency: {from: /cur}")
                .replace("shipTo.country: {constant: DE}", ""), json));

        assertProvenanceResolves(tree(json.getBytes(StandardCharsets.UTF_8)), mapped);
    }

    @Test
    void anOrderWithAnEmptyLineArrayMapsUnlessLinesAreRequired() {
        String json = "{\"id\": \"E-1\", \"items\": []}";

        MappedOrder mapped = single(map(SHOP_SPEC, json));
        assertThat(mapped.order().poNumber()).isEqualTo("E-1");
        assertThat(mapped.order().lines()).isEmpty();

        MappingResult required = map(SHOP_SPEC.replace("  from: /items", "  from: /items\n  required: true"), json);
        assertThat(required.rejected()).isTrue();
        assertThat(required.problems()).extracting(Problem::path, Problem::code)
                .containsExactly(tuple("/items", ProblemCodes.NO_LINES));
    }

    @Test
    void notJsonIsAProblemWithLineAndColumn() {
        MappingResult result = map(SHOP_SPEC, "{\n  \"id\": 1,\n  \"items\": [ }\n");

        assertThat(result.rejected()).isTrue();
        assertThat(result.problems()).hasSize(1);
        Problem p = result.problems().get(0);
        assertThat(p.code()).isEqualTo(ProblemCodes.BAD_JSON);
        assertThat(p.path()).isEqualTo("line 3, column 14");
        assertThat(p.message()).startsWith("not valid JSON: ");
    }

    @Test
    void trailingGarbageAndAnEmptyBodyAreNotJson() {
        assertThat(map(SHOP_SPEC, "{\"id\": 1, \"items\": []} x").problems())
                .extracting(Problem::code).containsExactly(ProblemCodes.BAD_JSON);
        MappingResult empty = map(SHOP_SPEC, "");
        assertThat(empty.problems()).extracting(Problem::path, Problem::code, Problem::message)
                .containsExactly(tuple("", ProblemCodes.BAD_JSON, "the body is empty"));
    }

    @Test
    void aDocumentWithoutAnOrderObjectHasNoRoot() {
        MappingResult result = map(SHOP_SPEC, "[{\"id\": 1}]");

        assertThat(result.rejected()).isTrue();
        assertThat(result.problems()).extracting(Problem::path, Problem::code)
                .containsExactly(tuple("", ProblemCodes.ROOT_NOT_FOUND));
        assertThat(result.problems().get(0).message()).contains("/envelope/order, \"\"").contains("an array");
    }

    @Test
    void missingLineItemsAreAProblemAtTheirPointer() {
        MappingResult result = map(SHOP_SPEC, "{\"envelope\": {\"order\": {\"id\": 1}}}");

        assertThat(result.rejected()).isTrue();
        assertThat(result.problems()).extracting(Problem::path, Problem::code)
                .containsExactly(tuple("/envelope/order/items", ProblemCodes.MISSING));
        assertThat(map(SHOP_SPEC, "{\"id\": 1, \"items\": null}").problems()).extracting(Problem::code)
                .containsExactly(ProblemCodes.MISSING);
    }

    @Test
    void lineItemsThatAreNotAnArrayAreTheWrongType() {
        MappingResult result = map(SHOP_SPEC, "{\"id\": 1, \"items\": {\"sku\": \"A\"}}");

        assertThat(result.problems()).extracting(Problem::path, Problem::code, Problem::message)
                .containsExactly(tuple("/items", ProblemCodes.WRONG_TYPE, "the line items must be an array, are an object"));
    }

    @Test
    void aLineItemThatIsNotAnObjectIsTheWrongType() {
        MappingResult result = map(SHOP_SPEC, "{\"id\": 1, \"items\": [{\"sku\": \"A\", \"qty\": 1}, \"B\"]}");

        assertThat(result.problems()).extracting(Problem::path, Problem::code)
                .containsExactly(tuple("/items/1", ProblemCodes.WRONG_TYPE));
    }

    @Test
    void everyBadValueIsReportedAtItsSourcePointerAndNoOrderIsMade() {
        String json = """
                {"envelope": {"order": {
                  "id": {"nested": true}, "placed": "27.11.2026", "deliver_on": 20261201,
                  "customer": {"first": ["A"]},
                  "items": [
                    {"sku": "A", "qty": "abc", "price": "1,50", "pos": "1.5"},
                    {"sku": false, "qty": 2, "total": "NaN", "pos": 0}
                  ]}}}""";
        MappingResult result = map(SHOP_SPEC, json);

        assertThat(result.rejected()).isTrue();
        assertThat(result.problems()).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
                tuple("/envelope/order/id", ProblemCodes.WRONG_TYPE),
                tuple("/envelope/order/placed", ProblemCodes.NOT_A_DATE),
                tuple("/envelope/order/deliver_on", ProblemCodes.WRONG_TYPE),
                tuple("/envelope/order/customer/first", ProblemCodes.WRONG_TYPE),
                tuple("/envelope/order/items/0/qty", ProblemCodes.NOT_A_NUMBER),
                tuple("/envelope/order/items/0/price", ProblemCodes.NOT_A_NUMBER),
                tuple("/envelope/order/items/0/pos", ProblemCodes.NOT_A_WHOLE_NUMBER),
                tuple("/envelope/order/items/1/sku", ProblemCodes.WRONG_TYPE),
                tuple("/envelope/order/items/1/total", ProblemCodes.NOT_A_NUMBER),
                tuple("/envelope/order/items/1/pos", ProblemCodes.NOT_A_WHOLE_NUMBER));
        Problem quantity = result.problems().stream().filter(p -> p.path().endsWith("/items/0/qty")).findFirst()
                .orElseThrow();
        assertThat(quantity.message()).isEqualTo("quantity must be a number, is \"abc\"");
    }

    @Test
    void aBadValueRejectsTheOrderEvenWhenALaterPointerHasAGoodOne() {
        // sku is an object: reported, although article would give a value
        MappingResult result = map(SHOP_SPEC, "{\"id\": 1, \"items\": [{\"sku\": {}, \"article\": \"A\"}]}");

        assertThat(result.rejected()).isTrue();
        assertThat(result.problems()).extracting(Problem::path, Problem::code)
                .containsExactly(tuple("/items/0/sku", ProblemCodes.WRONG_TYPE));
    }

    @Test
    void keysWithSlashAndTildeAreEscapedInPointers() {
        String spec = """
                format: escaped
                roots: [""]
                fields:
                  poNumber: {from: "/order~1no"}
                  notes: {from: "/a~0b"}
                lines: {from: /items}
                """;
        MappedOrder mapped = single(map(spec, "{\"order/no\": \"P/1\", \"a~b\": \"n\", \"items\": []}"));

        assertThat(mapped.order().poNumber()).isEqualTo("P/1");
        assertThat(mapped.order().notes()).containsExactly("n");
        assertThat(mapped.provenance().get("/poNumber")).isEqualTo(SourceRef.jsonPointer("/order~1no"));
    }

    @Test
    void theFormatIsTheSpecsAndTheSenderIsTheDocumentsHint() {
        JsonOrderMapper mapper = mapper(SHOP_SPEC);
        assertThat(mapper.format()).isEqualTo("testshop");

        MappingResult result = mapper.map(document("testshop", null, "{\"id\": 1, \"items\": []}"));
        assertThat(result.format()).isEqualTo("testshop");
        assertThat(result.orders().get(0).order().sender()).isNull();
        assertThat(result.orders().get(0).provenance()).doesNotContainKey("/sender");
    }
}
