package io.orderhub.edi;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.MappingResult;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parse-and-map throughput of the EDI mappers (StAEDI reading and validation, Smooks mapping, canonical orders with
 * provenance) against a plain StAEDI event walk over the same bytes, and, to show where the time goes, a StAEDI walk
 * that validates against the same transaction schemas. Not a timed test: it prints orders/s and the ratios.
 * Run with {@code mvn test -Dtest=EdiThroughputBench -Dsurefire.excludedGroups=none}.
 */
@Tag("bench")
class EdiThroughputBench {

    private static final int ROUNDS = 7;

    @Test
    void ordersPerSecond() throws Exception {
        Path mappings = Path.of("mappings");
        EdiReader reader = new EdiReader(EdiSchemas.load(mappings.resolve("edi/schemas")));
        try (EdiMappings edi = EdiMappings.load(mappings, new EdiPartners(List.of()))) {
            EdiOrderMapper edifact = new EdifactOrdersMapper(reader, edi);
            EdiOrderMapper x12 = new X12PurchaseOrderMapper(reader, edi);
            StringBuilder report = new StringBuilder("\nEDI parse+map throughput (best of " + ROUNDS + " rounds, one thread)\n");
            report.append(String.format("%-18s %7s %13s %13s %15s %10s %13s%n", "case", "orders", "map orders/s",
                    "raw orders/s", "map/raw ratio", "validated", "validated/raw"));
            Schema orders = reader.schemas().find(EdiStandard.EDIFACT, "ORDERS", "D96A").orElseThrow().schema();
            Schema po = reader.schemas().find(EdiStandard.X12, "850", "004010").orElseThrow().schema();
            run(report, "EDIFACT 3-line", edifact, orders, EdiSamples.edifact("4012345000009", 2000, 3), 2000);
            run(report, "EDIFACT 200-line", edifact, orders, EdiSamples.edifact("4012345000009", 40, 200), 40);
            run(report, "X12 850 3-line", x12, po, EdiSamples.x12("ACMEPO", 2000, 3), 2000);
            run(report, "X12 850 200-line", x12, po, EdiSamples.x12("ACMEPO", 40, 200), 40);
            System.out.println(report);
        }
    }

    private static void run(StringBuilder report, String name, EdiOrderMapper mapper, Schema schema, String content, int orders)
            throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        InboundDocument doc = EdiSamples.document(mapper.format(), bytes);
        MappingResult check = mapper.map(doc);
        assertThat(check.orders()).hasSize(orders);
        assertThat(check.orders()).allSatisfy(o -> assertThat(o.problems()).isEmpty());
        for (int i = 0; i < 3; i++) {
            mapper.map(doc);
            rawWalk(bytes);
            validatedWalk(bytes, schema);
        }
        long bestMap = Long.MAX_VALUE;
        long bestRaw = Long.MAX_VALUE;
        long bestValidated = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            mapper.map(doc);
            long t1 = System.nanoTime();
            rawWalk(bytes);
            long t2 = System.nanoTime();
            validatedWalk(bytes, schema);
            long t3 = System.nanoTime();
            bestMap = Math.min(bestMap, t1 - t0);
            bestRaw = Math.min(bestRaw, t2 - t1);
            bestValidated = Math.min(bestValidated, t3 - t2);
        }
        report.append(String.format("%-18s %7d %13.0f %13.0f %14.1fx %10.0f %12.1fx%n", name, orders, orders * 1e9 / bestMap,
                orders * 1e9 / bestRaw, (double) bestMap / bestRaw, orders * 1e9 / bestValidated, (double) bestValidated / bestRaw));
    }

    /** A StAEDI event walk that validates every message against the transaction schema OrderHub uses. */
    static int validatedWalk(byte[] bytes, Schema schema) throws Exception {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        int events = 0;
        try (EDIStreamReader r = factory.createEDIStreamReader(new ByteArrayInputStream(bytes), "UTF-8")) {
            boolean header = false;
            while (r.hasNext()) {
                EDIStreamEvent e = r.next();
                if (e == EDIStreamEvent.START_TRANSACTION) {
                    header = true;
                } else if (e == EDIStreamEvent.END_SEGMENT && header) {
                    header = false;
                    r.setTransactionSchema(schema);
                } else if (e == EDIStreamEvent.ELEMENT_DATA) {
                    r.getText();
                }
                events++;
            }
        }
        return events;
    }

    /** A plain StAEDI event walk: every event, the text of every element. */
    static int rawWalk(byte[] bytes) throws Exception {
        int events = 0;
        try (EDIStreamReader r = EDIInputFactory.newFactory().createEDIStreamReader(new ByteArrayInputStream(bytes), "UTF-8")) {
            while (r.hasNext()) {
                if (r.next() == EDIStreamEvent.ELEMENT_DATA) {
                    r.getText();
                }
                events++;
            }
        }
        return events;
    }
}
