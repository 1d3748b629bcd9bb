package io.orderhub.edi.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.edi.EdiReader;
import io.orderhub.edi.EdiSchemas;
import io.orderhub.edi.EdiStandard;
import io.orderhub.support.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The readable EDI tree over real partner files from the corpus (src/test/resources/corpus, see its SOURCES.md). */
class EdiViewTest {

    private static final Path MAPPINGS = Path.of("mappings");
    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final EdiView VIEW = new EdiView(new EdiReader(EdiSchemas.load(MAPPINGS.resolve("edi/schemas"))),
            EdiDictionary.loadAll(MAPPINGS.resolve("edi/dictionary")));
    private static final ObjectMapper JSON = Json.newMapper();

    @Test
    void edifactOrderIsNamedDownToComponentsWithCodeMeanings() {
        JsonNode tree = tree("edifact_orders/nerdocs__pydifact__order.edi", 0, 100);

        assertThat(tree.path("messageCount").asInt()).isEqualTo(1);
        JsonNode interchange = tree.path("interchanges").get(0);
        assertThat(interchange.path("standard").asText()).isEqualTo("EDIFACT");
        assertThat(interchange.path("controlNumber").asText()).isEqualTo("807");
        JsonNode unb = interchange.path("segments").get(0);
        assertThat(unb.path("tag").asText()).isEqualTo("UNB");
        assertThat(unb.path("name").asText()).isEqualTo("Interchange header");
        JsonNode syntax = unb.path("elements").get(0);
        assertThat(syntax.path("ref").asText()).isEqualTo("S001");
        assertThat(syntax.path("components").get(0).path("name").asText()).isEqualTo("Syntax identifier");
        assertThat(syntax.path("components").get(0).path("meaning").asText()).startsWith("Basic Latin");
        // this partner's file ends after UNT: the missing UNZ is an error of the interchange, not of its message
        assertThat(interchange.path("segments")).hasSize(1);
        assertThat(interchange.path("errors").findValuesAsText("code")).contains("interchange-trailer-missing");

        JsonNode message = interchange.path("messages").get(0);
        assertThat(message.path("controlNumber").asText()).isEqualTo("1");
        assertThat(message.path("type").asText()).isEqualTo("ORDERS");
        assertThat(message.path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode bgm = segment(message, "BGM", 0);
        assertThat(bgm.path("name").asText()).isEqualTo("Beginning of message");
        assertThat(bgm.path("position").asInt()).isEqualTo(2);
        JsonNode documentName = bgm.path("elements").get(0).path("components").get(0);
        assertThat(documentName.path("ref").asText()).isEqualTo("1001");
        assertThat(documentName.path("name").asText()).isEqualTo("Document name code");
        assertThat(documentName.path("value").asText()).isEqualTo("220");
        assertThat(documentName.path("meaning").asText()).isEqualTo("Order");
        // D96A sends 1004 as a simple element where D01B has the composite C106: shown with its value either way
        assertThat(bgm.path("elements").get(1).path("components").get(0).path("value").asText()).isEqualTo("801715918011");
        assertThat(bgm.path("elements").get(2).path("meaning").asText()).isEqualTo("Original");

        JsonNode dtm = segment(message, "DTM", 0).path("elements").get(0).path("components");
        assertThat(dtm.get(0).path("value").asText()).isEqualTo("137");
        assertThat(dtm.get(0).path("meaning").asText()).isEqualTo("Document date");
        assertThat(dtm.get(1).path("name").asText()).isEqualTo("Date/time/period value");
        assertThat(dtm.get(2).path("meaning").asText()).isEqualTo("CCYYMMDDHHMM");

        JsonNode buyerGroup = loop(message, "NAD-group", 1);
        assertThat(buyerGroup.path("name").asText()).isEqualTo("Name and address group");
        JsonNode nad = buyerGroup.path("segments").get(0);
        assertThat(nad.path("elements").get(0).path("name").asText()).isEqualTo("Party function code qualifier");
        assertThat(nad.path("elements").get(0).path("value").asText()).isEqualTo("BY");
        assertThat(nad.path("elements").get(0).path("meaning").asText()).isEqualTo("Buyer");
        // empty components are left out; the others keep their position
        JsonNode agency = nad.path("elements").get(1).path("components").get(1);
        assertThat(agency.path("position").asInt()).isEqualTo(3);
        assertThat(agency.path("meaning").asText()).isEqualTo("GS1 (EAN)");

        JsonNode line = loop(message, "LIN-group", 1);
        JsonNode qty = line.path("segments").get(1);
        assertThat(qty.path("tag").asText()).isEqualTo("QTY");
        assertThat(qty.path("elements").get(0).path("components").get(0).path("meaning").asText()).isEqualTo("Ordered quantity");
        assertThat(qty.path("elements").get(0).path("components").get(1).path("value").asText()).isEqualTo("8");
    }

    @Test
    void x12GroupsMessagesAndCodesAreNamed() {
        JsonNode tree = tree("x12_850/bots-edi__bots-plugins__850-004010-02.x12", 0, 100);

        JsonNode interchange = tree.path("interchanges").get(0);
        assertThat(interchange.path("standard").asText()).isEqualTo("X12");
        JsonNode isa = interchange.path("segments").get(0);
        assertThat(isa.path("name").asText()).isEqualTo("Interchange control header");
        assertThat(isa.path("elements").get(0).path("id").asText()).isEqualTo("ISA01");
        assertThat(isa.path("elements").get(0).path("meaning").asText()).isEqualTo("No authorization information present");
        assertThat(interchange.path("groups")).hasSize(2);
        assertThat(interchange.has("messages")).isFalse();
        JsonNode group = interchange.path("groups").get(0);
        assertThat(group.path("segments").get(0).path("tag").asText()).isEqualTo("GS");
        assertThat(group.path("segments").get(0).path("elements").get(0).path("meaning").asText()).isEqualTo("Purchase order (850)");
        assertThat(group.path("messages").size()).isPositive();
        int messages = 0;
        for (JsonNode g : interchange.path("groups")) {
            messages += g.path("messages").size();
        }
        assertThat(messages).isEqualTo(tree.path("messageCount").asInt()).isEqualTo(4);

        JsonNode po = group.path("messages").get(0);
        assertThat(po.path("type").asText()).isEqualTo("850");
        JsonNode beg = segment(po, "BEG", 0);
        assertThat(beg.path("name").asText()).isEqualTo("Beginning segment for purchase order");
        assertThat(beg.path("elements").get(0).path("id").asText()).isEqualTo("BEG01");
        assertThat(beg.path("elements").get(0).path("meaning").asText()).isEqualTo("Original");
        assertThat(beg.path("elements").get(1).path("meaning").asText()).isEqualTo("Stand-alone order");
        assertThat(beg.path("elements").get(2).path("name").asText()).isEqualTo("Purchase order number");
        assertThat(beg.path("elements").get(2).path("value").asText()).isEqualTo("95018017");

        JsonNode shipTo = loop(po, "N1-loop", 1).path("segments").get(0);
        assertThat(shipTo.path("elements").get(0).path("value").asText()).isEqualTo("ST");
        assertThat(shipTo.path("elements").get(0).path("meaning").asText()).isEqualTo("Ship to");
        JsonNode po1 = loop(po, "PO1-loop", 0).path("segments").get(0);
        assertThat(po1.path("name").asText()).isEqualTo("Baseline item data");
        JsonNode unit = po1.path("elements").get(2);
        assertThat(unit.path("id").asText()).isEqualTo("PO103");
        assertThat(unit.path("meaning").asText()).isEqualTo("Each");
    }

    @Test
    void unknownCodesAreShownRawWithoutMeaning() {
        String edi = "UNA:+.? 'UNB+UNOC:3+4012345000009:14+4000001000002:14+240115:1200+77'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+XQ7+PO-77+9'DTM+999:20240115:102'NAD+QQ+4012345000009::9'"
                + "LIN+1++4012345000023:EN'QTY+21:5'UNS+S'UNT+8+1'UNZ+1+77'";
        JsonNode message = tree(edi.getBytes(StandardCharsets.UTF_8), 0, 100).path("interchanges").get(0)
                .path("messages").get(0);

        JsonNode documentName = segment(message, "BGM", 0).path("elements").get(0).path("components").get(0);
        assertThat(documentName.path("value").asText()).isEqualTo("XQ7");
        assertThat(documentName.path("name").asText()).isEqualTo("Document name code");
        assertThat(documentName.has("meaning")).isFalse();
        JsonNode dtm = segment(message, "DTM", 0).path("elements").get(0).path("components").get(0);
        assertThat(dtm.path("value").asText()).isEqualTo("999");
        assertThat(dtm.path("name").asText()).isEqualTo("Date/time/period function code qualifier");
        assertThat(dtm.has("meaning")).isFalse();
        JsonNode nad = loop(message, "NAD-group", 0).path("segments").get(0).path("elements").get(0);
        assertThat(nad.path("value").asText()).isEqualTo("QQ");
        assertThat(nad.has("meaning")).isFalse();
    }

    @Test
    void errorsOfABrokenFileAreShownWhereTheyWereFound() {
        JsonNode tree = tree("edifact_orders/smooks__smooks-edi-cartridge__BAD_ORDERS_D.03B_Interchange.txt", 0, 100);

        JsonNode message = tree.path("interchanges").get(0).path("messages").get(0);
        assertThat(message.path("status").asText()).isEqualTo("REJECTED");
        List<JsonNode> withErrors = new ArrayList<>();
        collect(message.path("segments"), n -> n.has("errors"), withErrors);
        assertThat(withErrors).isNotEmpty();
        JsonNode at = withErrors.get(0);
        JsonNode error = at.path("errors").get(0);
        assertThat(at.path("tag").asText()).isEqualTo("DTM");
        assertThat(at.path("position").asInt()).isEqualTo(error.path("segment").asInt()).isEqualTo(38);
        assertThat(error.path("code").asText()).isEqualTo("too-many-repeats");
        assertThat(error.path("path").asText()).isEqualTo("UNB 6002 / UNH SSDD1 / segment 38 DTM");
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void elementErrorsSitOnTheirElement() {
        // DTM 2005 is at most 3 characters: the error belongs to element 1, component 1 of segment 3
        String edi = "UNB+UNOC:3+4012345000009:14+4000001000002:14+240115:1200+78'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-78+9'DTM+13777:20240115:102'NAD+BY+4012345000009::9'"
                + "LIN+1++4012345000023:EN'QTY+21:5'UNS+S'UNT+8+1'UNZ+1+78'";
        JsonNode message = tree(edi.getBytes(StandardCharsets.UTF_8), 0, 100).path("interchanges").get(0)
                .path("messages").get(0);

        JsonNode dtm = segment(message, "DTM", 0);
        JsonNode component = dtm.path("elements").get(0).path("components").get(0);
        assertThat(component.path("value").asText()).isEqualTo("13777");
        assertThat(component.path("errors").get(0).path("code").asText()).isEqualTo("element-too-long");
        assertThat(component.path("errors").get(0).path("path").asText()).isEqualTo("UNB 78 / UNH 1 / segment 3 DTM / element 1.1");
    }

    @Test
    void unreadableDataOutsideInterchangesIsAFileError() {
        JsonNode tree = tree("this is not EDI at all".getBytes(StandardCharsets.UTF_8), 0, 100);

        assertThat(tree.path("interchanges")).isEmpty();
        assertThat(tree.path("errors").get(0).path("code").asText()).isEqualTo("not-edi");
        assertThat(tree.path("errors").get(0).path("message").asText()).contains("this is not EDI at all");
    }

    @Test
    void manyMessagesArePagedButAllCounted() {
        JsonNode all = tree("edifact_orders/bots-edi__bots-plugins__orders02.edi", 0, 1000);
        int count = all.path("messageCount").asInt();
        assertThat(count).isEqualTo(24);
        List<JsonNode> every = messages(all);
        assertThat(every).hasSize(24);

        JsonNode page = tree("edifact_orders/bots-edi__bots-plugins__orders02.edi", 20, 10);
        assertThat(page.path("messageCount").asInt()).isEqualTo(24);
        assertThat(messages(page)).containsExactlyElementsOf(every.subList(20, 24));
    }

    private static List<JsonNode> messages(JsonNode tree) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode ic : tree.path("interchanges")) {
            ic.path("messages").forEach(all::add);
            for (JsonNode g : ic.path("groups")) {
                g.path("messages").forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void everySegmentOurSchemasKnowHasAName() throws IOException {
        Map<EdiStandard, EdiDictionary> dictionaries = EdiDictionary.loadAll(MAPPINGS.resolve("edi/dictionary"));
        Pattern segment = Pattern.compile("<segment type=\"([A-Z0-9]+)\"");
        try (var files = Files.list(MAPPINGS.resolve("edi/schemas"))) {
            for (Path schema : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                EdiStandard standard = schema.getFileName().toString().startsWith("x12") ? EdiStandard.X12 : EdiStandard.EDIFACT;
                Matcher m = segment.matcher(Files.readString(schema));
                while (m.find()) {
                    assertThat(dictionaries.get(standard).segment(m.group(1))).as(m.group(1) + " of " + schema.getFileName())
                            .isNotNull();
                }
            }
        }
    }

    private static JsonNode tree(String corpusFile, int offset, int limit) {
        try {
            return tree(Files.readAllBytes(CORPUS.resolve(corpusFile)), offset, limit);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(byte[] content, int offset, int limit) {
        return JSON.valueToTree(VIEW.tree(content, offset, limit));
    }

    /** The n-th segment (0-based) with this tag, searched through the loops. */
    static JsonNode segment(JsonNode parent, String tag, int n) {
        List<JsonNode> found = new ArrayList<>();
        collect(parent.path("segments"), s -> tag.equals(s.path("tag").asText()), found);
        assertThat(found).as("segments %s", tag).hasSizeGreaterThan(n);
        return found.get(n);
    }

    /** The n-th loop (0-based) with this code. */
    static JsonNode loop(JsonNode parent, String code, int n) {
        List<JsonNode> found = new ArrayList<>();
        collect(parent.path("segments"), s -> code.equals(s.path("loop").asText()), found);
        assertThat(found).as("loops %s", code).hasSizeGreaterThan(n);
        return found.get(n);
    }

    private static void collect(JsonNode nodes, Predicate<JsonNode> match, List<JsonNode> into) {
        for (JsonNode n : nodes) {
            if (match.test(n)) {
                into.add(n);
            }
            if (n.has("segments")) {
                collect(n.path("segments"), match, into);
            }
        }
    }
}
