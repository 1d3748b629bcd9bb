package io.orderhub.xml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * UBL, cXML and CSV orders over real HTTP against the started hub (H2): {@code POST /api/orders} with an XML content
 * type detects the format from the document; a cXML OrderRequest is answered with a cXML Response; hostile XML is
 * kept as a rejected document with the reason. Partners for the three API clients are added to a copy of mappings/.
 */
class XmlHttpEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PARTNERS = """
              - id: UBL-BUYER
                name: Johnssons byggvaror (UBL over HTTP)
                priority: 4
                slaHours: 24
                apiClients: [ubl-client]
                customers:
                  - id: "7300070011115"
                    name: Johnssons byggvaror
              - id: COUPA-BUYER
                name: Coupa buyer (cXML over HTTP)
                priority: 4
                slaHours: 24
                apiClients: [cxml-client]
                customers:
                  - id: "kasdflkjasdf"
                    name: Coupa network buyer
            """;

    @TempDir
    static Path dir;
    static TestHub hub;

    @BeforeAll
    static void startHub() throws IOException {
        Path mappings = dir.resolve("mappings");
        copy(Path.of("mappings"), mappings);
        Files.writeString(mappings.resolve("partners.yaml"), PARTNERS
                + Files.readString(Path.of("src/test/resources/csv/nordlicht-partner.yaml")), StandardOpenOption.APPEND);
        hub = TestHub.start(TestHub.Db.H2, dir, Map.of(
                "orderhub.mappings.dir", mappings.toString(),
                "orderhub.http.api-keys", "demo=demo,ubl-client=ubl-key,cxml-client=cxml-key,csv-client=csv-key"));
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    static String corpus(String path) {
        try (InputStream in = XmlHttpEndToEndTest.class.getResourceAsStream("/corpus/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static JsonNode awaitStatus(String id, String key, String status) throws IOException {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(
                () -> json(hub.get("/api/orders/" + id, "X-API-Key", key)).path("status").asText(), status::equals);
        return json(hub.get("/api/orders/" + id, "X-API-Key", key));
    }

    static Element cxmlStatus(HttpResponse<String> r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("cXML");
        assertThat(root.getAttribute("payloadID")).isNotBlank();
        assertThat(root.getAttribute("timestamp")).isNotBlank();
        return (Element) root.getElementsByTagName("Status").item(0);
    }

    @Test
    void ublOrderIsDetectedAcceptedAndDeliveredWithXpathProvenance() throws Exception {
        HttpResponse<String> r = hub.post("/api/orders", "application/xml",
                corpus("ubl_xml/phax__ph-ubl__UBL-Order-2.1-Example.xml"), "X-API-Key", "ubl-key");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode answer = json(r);
        assertThat(answer.path("format").asText()).isEqualTo("ubl-order");
        String id = answer.path("orders").get(0).path("id").asText();
        assertThat(answer.path("orders").get(0).path("status").asText()).isEqualTo("QUEUED");

        JsonNode order = awaitStatus(id, "ubl-key", "DELIVERED");
        assertThat(order.path("order").path("sender").asText()).isEqualTo("UBL-BUYER");
        assertThat(order.path("order").path("poNumber").asText()).isEqualTo("34");
        assertThat(order.path("order").path("lines").get(1).path("quantity").decimalValue()).isEqualByComparingTo("15");
        assertThat(order.path("provenance").path("/lines/1/quantity").path("kind").asText()).isEqualTo("xpath");
        assertThat(order.path("provenance").path("/lines/1/quantity").path("locator").asText())
                .isEqualTo("/Order/cac:OrderLine[2]/cac:LineItem/cbc:Quantity");
        HttpResponse<String> meta = hub.get(order.path("documentUrl").asText() + "/meta", "X-API-Key", "ubl-key");
        assertThat(meta.body()).contains("ubl-order");
    }

    @Test
    void cxmlOrderRequestGetsACxmlResponseAndARetryWithTheSamePayloadIdReplays() throws Exception {
        String request = corpus("cxml/officeluv__cxml__order_request.xml");
        HttpResponse<String> r = hub.post("/api/orders", "text/xml; charset=UTF-8", request, "X-API-Key", "cxml-key");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/xml"));
        Element status = cxmlStatus(r);
        assertThat(status.getAttribute("code")).isEqualTo("200");
        assertThat(status.getAttribute("text")).isEqualTo("OK");
        Matcher m = Pattern.compile("order ([0-9a-f-]{36}) \\(PO 3309\\) QUEUED").matcher(status.getTextContent());
        assertThat(m.find()).as(status.getTextContent()).isTrue();
        String id = m.group(1);

        JsonNode order = awaitStatus(id, "cxml-key", "DELIVERED");
        assertThat(order.path("order").path("currency").asText()).isEqualTo("USD");
        assertThat(order.path("order").path("lines")).hasSize(2);

        // Coupa/Ariba resend with the same payloadID: the first outcome, not a second order
        HttpResponse<String> again = hub.post("/api/orders", "text/xml", request, "X-API-Key", "cxml-key");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(cxmlStatus(again).getTextContent()).contains(id);
    }

    @Test
    void cxmlWithABadKeyGetsA401CxmlResponse() throws Exception {
        HttpResponse<String> r = hub.post("/api/orders", "text/xml",
                corpus("cxml/FriendsOfCXML__cxml-php__OrderRequest.xml"), "X-API-Key", "wrong");

        assertThat(r.statusCode()).isEqualTo(401);
        Element status = cxmlStatus(r);
        assertThat(status.getAttribute("code")).isEqualTo("401");
        assertThat(status.getAttribute("text")).isEqualTo("Unauthorized");
    }

    @Test
    void cxmlWithAnInternalSubsetIsRejectedWithA400CxmlResponse() throws Exception {
        String hostile = corpus("cxml/FriendsOfCXML__cxml-php__OrderRequest.xml").replace(
                "cXML.dtd\">", "cXML.dtd\" [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>");
        HttpResponse<String> r = hub.post("/api/orders", "application/xml", hostile, "X-API-Key", "cxml-key");

        assertThat(r.statusCode()).isEqualTo(400);
        Element status = cxmlStatus(r);
        assertThat(status.getAttribute("code")).isEqualTo("400");
        assertThat(status.getTextContent()).contains("document type declarations are not accepted");
    }

    @Test
    void ublWithAnExternalEntityIsKeptAsRejectedWithTheReason() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Order [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\" xmlns:cbc=\"urn:oasis:"
                + "names:specification:ubl:schema:xsd:CommonBasicComponents-2\"><cbc:ID>&xxe;</cbc:ID></Order>";
        HttpResponse<String> r = hub.post("/api/orders", "application/xml", xxe, "X-API-Key", "ubl-key");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode answer = json(r);
        assertThat(answer.path("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.path("problems").get(0).path("code").asText()).isEqualTo("xml-doctype");
        assertThat(answer.path("problems").get(0).path("message").asText())
                .startsWith("document type declarations are not accepted");
        assertThat(r.body()).doesNotContain("root:");
    }

    @Test
    void xmlThatIsNoKnownOrderIsKeptAsRejected() throws Exception {
        HttpResponse<String> r = hub.post("/api/orders", "application/xml", "<Invoice><ID>1</ID></Invoice>",
                "X-API-Key", "ubl-key");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("problems").get(0).path("code").asText()).isEqualTo("unknown-xml");
    }

    @Test
    void csvSheetIsReadWithTheClientsPartnerLayout() throws Exception {
        String sheet;
        try (InputStream in = getClass().getResourceAsStream("/csv/nordlicht-orders.csv")) {
            sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> r = hub.post("/api/orders", "text/csv", sheet, "X-API-Key", "csv-key");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode answer = json(r);
        assertThat(answer.path("format").asText()).isEqualTo("csv-order");
        assertThat(answer.path("orders")).hasSize(2);
        String id = answer.path("orders").get(0).path("id").asText();
        JsonNode order = awaitStatus(id, "csv-key", "DELIVERED");
        assertThat(order.path("provenance").path("/lines/1/quantity").path("locator").asText())
                .isEqualTo("row 3, column G (Menge)");

        HttpResponse<String> noLayout = hub.post("/api/orders", "text/csv", sheet, "X-API-Key", "ubl-key");
        assertThat(noLayout.statusCode()).isEqualTo(415);
    }
}
