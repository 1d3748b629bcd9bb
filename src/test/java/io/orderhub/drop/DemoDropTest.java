package io.orderhub.drop;

import io.orderhub.intake.DropRoutes;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static io.orderhub.drop.DropFixtures.awaitExists;
import static io.orderhub.drop.DropFixtures.awaitOrderStatus;
import static io.orderhub.drop.DropFixtures.po;
import static io.orderhub.drop.DropFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default's hot folder: the shipped partner file's DEMO-DROP partner reads data/inbox/DEMO-DROP. */
class DemoDropTest {

    @TempDir
    Path dir;

    @Test
    void orderDroppedIntoTheDemoInboxIsDelivered() {
        try (TestHub hub = TestHub.start(TestHub.Db.H2, dir, Map.of(DropRoutes.FOLDER_BASE, dir.toString()))) {
            Path inbox = dir.resolve("data/inbox/DEMO-DROP");
            assertThat(inbox).isDirectory();
            String po = po();
            // the README's example without "sender": the drop says who sent it
            write(inbox.resolve("order.json"), """
                    {"poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                     "buyer": {"id": "4012345000009", "name": "ACME Retail GmbH"},
                     "shipTo": {"id": "4012345000016", "name": "ACME Lager Nord", "city": "Hamburg", "country": "DE"},
                     "lines": [{"lineNumber": 1, "buyerItem": "A-100", "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                    """.formatted(po).getBytes(StandardCharsets.UTF_8));

            assertThat(awaitOrderStatus(hub, po, "DELIVERED").path("sender").asText()).isEqualTo("DEMO-DROP");
            awaitExists(inbox.resolve("archive/order.json"));
        }
    }
}
