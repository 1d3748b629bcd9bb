package io.orderhub.drop;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.pdf.OrderPdfs;
import io.orderhub.pdf.SampleOrder;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.orderhub.drop.DropFixtures.folderDrop;
import static io.orderhub.drop.DropFixtures.partner;
import static org.assertj.core.api.Assertions.assertThat;

/** A PDF order dropped into a partner's hot folder is read with the partner's PDF template, like one from a mail. */
class PdfDropTest {

    static final String PARTNER = "FOLDER-PDF";

    @TempDir
    static Path dir;
    static Path inbox;
    static TestHub hub;

    @BeforeAll
    static void start() {
        inbox = dir.resolve("inbox/pdf");
        Path partners = DropFixtures.writePartners(dir, partner(PARTNER, folderDrop(inbox, "include: \"*.pdf\"",
                "complete: stable-size", "stableMs: 300")) + "    pdf: {template: pdf/nordlicht.pdf.yaml}\n");
        hub = TestHub.start(TestHub.Db.H2, dir, DropFixtures.hubProperties(partners));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aDroppedPdfBecomesADeliveredOrderWithRegionProvenance() {
        SampleOrder order = SampleOrder.fixed("4500099001");
        DropFixtures.write(inbox.resolve("bestellung.pdf"), OrderPdfs.pdf(order, OrderPdfs.Layout.NORDLICHT, 30));

        JsonNode summary = DropFixtures.awaitOrderStatus(hub, order.poNumber(), "DELIVERED");
        JsonNode detail = JsonNodes.get(hub, "/api/orders/" + summary.path("id").asText());
        assertThat(detail.path("order").path("lines")).hasSize(3);
        assertThat(detail.path("provenance").path("/buyer/gln").path("locator").asText())
                .isEqualTo("pdf:page=1;x=430.0;y=38.0;w=155.0;h=18.0");
        JsonNode meta = JsonNodes.get(hub, "/api/documents/" + detail.path("documentUrl").asText()
                .replaceAll(".*/", "") + "/meta");
        assertThat(meta.toString()).contains("application/pdf");
    }

    /** GET as JSON with the test API key. */
    static final class JsonNodes {
        static JsonNode get(TestHub hub, String path) {
            try {
                return DropFixtures.JSON.readTree(hub.get(path, "X-API-Key", TestHub.KEY).body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
