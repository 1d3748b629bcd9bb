package io.orderhub.xml;

import io.orderhub.model.OrderStatus;
import io.orderhub.model.Problem;
import io.orderhub.queue.IntakeOutcome;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The cXML Response for each kind of outcome, read back as XML. */
class CxmlResponsesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:30.123Z"), ZoneOffset.UTC);
    static final CxmlResponses RESPONSES = new CxmlResponses(CLOCK, "hub.example");

    static Element root(CxmlResponse r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        return d.getDocumentElement();
    }

    static Element status(Element root) {
        return (Element) root.getElementsByTagName("Status").item(0);
    }

    @Test
    void acceptedDocumentIs200OkWithPayloadIdTimestampAndTheHubIds() throws Exception {
        UUID doc = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        IntakeOutcome outcome = new IntakeOutcome(doc, IntakeOutcome.ACCEPTED, "cxml-order", List.of(),
                List.of(new IntakeOutcome.OrderOutcome(order, "3309", OrderStatus.QUEUED, null, List.of())), false);

        CxmlResponse r = RESPONSES.forOutcome(outcome);

        assertThat(r.code()).isEqualTo(200);
        assertThat(r.bodyText()).contains("<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/");
        Element root = root(r);
        assertThat(root.getTagName()).isEqualTo("cXML");
        assertThat(root.getAttribute("payloadID")).isEqualTo(r.payloadId())
                .isEqualTo("1795774530000." + doc + "@hub.example");
        assertThat(root.getAttribute("timestamp")).isEqualTo("2026-11-27T10:15:30Z");
        assertThat(((Element) root.getFirstChild()).getTagName()).isEqualTo("Response");
        assertThat(status(root).getAttribute("code")).isEqualTo("200");
        assertThat(status(root).getAttribute("text")).isEqualTo("OK");
        assertThat(status(root).getTextContent()).contains(doc.toString(), order.toString(), "PO 3309", "QUEUED");
    }

    @Test
    void rejectedDocumentIs400WithItsProblemsEscaped() throws Exception {
        IntakeOutcome outcome = new IntakeOutcome(UUID.randomUUID(), IntakeOutcome.REJECTED, "cxml-order",
                List.of(new Problem("line 2, column 9", "xml-doctype",
                        "document type declarations are not accepted <&>")), List.of(), false);

        CxmlResponse r = RESPONSES.forOutcome(outcome);

        assertThat(r.code()).isEqualTo(400);
        Element status = status(root(r));
        assertThat(status.getAttribute("code")).isEqualTo("400");
        assertThat(status.getAttribute("text")).isEqualTo("Bad Request");
        assertThat(status.getTextContent()).contains("line 2, column 9: document type declarations are not "
                + "accepted <&>");
    }

    @Test
    void authenticationErrorsKeepTheirCodes() throws Exception {
        CxmlResponse unauthorized = RESPONSES.forError(401, "the API key in X-API-Key is not valid");
        assertThat(unauthorized.code()).isEqualTo(401);
        assertThat(status(root(unauthorized)).getAttribute("text")).isEqualTo("Unauthorized");
        CxmlResponse forbidden = RESPONSES.forError(403, "not your partner");
        assertThat(status(root(forbidden)).getAttribute("code")).isEqualTo("403");
        assertThat(status(root(forbidden)).getAttribute("text")).isEqualTo("Forbidden");
        assertThat(RESPONSES.forError(500, "x").payloadId()).isNotEqualTo(RESPONSES.forError(500, "x").payloadId());
    }
}
