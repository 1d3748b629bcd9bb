package io.orderhub.queue;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.Channel;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Party;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;
import io.orderhub.support.Ids;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Builds pipeline input for queue tests without going through HTTP. */
final class QueueFixtures {

    private QueueFixtures() {
    }

    static CanonicalOrder order(String sender, String po) {
        return new CanonicalOrder(sender, null, po, LocalDate.of(2026, 11, 27), null, "EUR",
                new Party("4012345000009", null, null, "ACME", null, null, null, null), null, null, null,
                List.of(new OrderLine(1, "A-100", null, null, "Widget", BigDecimal.ONE, "EA", new BigDecimal("12.50"), null)),
                List.of());
    }

    static Intake intake(String sender, String po, int priority, Instant receivedAt, Instant dueAt, String idemKey) {
        CanonicalOrder order = order(sender, po);
        InboundDocument doc = new InboundDocument(Ids.newId(), receivedAt, Channel.HTTP, "test", "demo", sender,
                "application/json", "canonical-json", idemKey, ("{\"poNumber\":\"" + po + "\"}").getBytes(StandardCharsets.UTF_8));
        MappedOrder mapped = new MappedOrder(0, order, Map.of("/poNumber", SourceRef.jsonPointer("/poNumber")));
        MappingResult result = new MappingResult("canonical-json", List.of(mapped), List.of());
        return new Intake(doc, result, List.of(new PlannedOrder(Ids.newId(), mapped, List.<Problem>of(), priority, dueAt)));
    }
}
