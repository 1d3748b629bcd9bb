package io.orderhub.bench;

import io.orderhub.edi.EdiMappings;
import io.orderhub.edi.EdiOrderMapper;
import io.orderhub.edi.EdiPartners;
import io.orderhub.edi.EdiReader;
import io.orderhub.edi.EdiSamples;
import io.orderhub.edi.EdiSchemas;
import io.orderhub.edi.EdiStandard;
import io.orderhub.edi.EdifactOrdersMapper;
import io.orderhub.edi.X12PurchaseOrderMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.MappingResult;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * EDI parse + map throughput, one thread: OrderHub's reader and Smooks mappings (StAEDI with schema validation,
 * canonical orders with provenance) against a plain StAEDI event walk over the same bytes, and a StAEDI walk that
 * validates against the same schemas (to show what validation costs). Prints orders/s and ratios; with an output
 * directory argument it also writes the generated messages there, for the Smooks cartridge run on the same bytes.
 * Run by {@code ./run.sh bench edi}.
 */
public final class EdiParseBench {

    private static final int ROUNDS = Integer.getInteger("edi.bench.rounds", 7);
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private EdiParseBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : null;
        Path mappings = Path.of("mappings");
        EdiReader reader = new EdiReader(EdiSchemas.load(mappings.resolve("edi/schemas")));
        try (EdiMappings edi = EdiMappings.load(mappings, new EdiPartners(List.of()))) {
            EdiOrderMapper edifact = new EdifactOrdersMapper(reader, edi);
            EdiOrderMapper x12 = new X12PurchaseOrderMapper(reader, edi);
            Schema orders = reader.schemas().find(EdiStandard.EDIFACT, "ORDERS", "D96A").orElseThrow().schema();
            Schema po = reader.schemas().find(EdiStandard.X12, "850", "004010").orElseThrow().schema();
            System.out.printf("EDI parse+map, one thread, best of %d rounds (orders/s)%n", ROUNDS);
            System.out.printf("orders/s by wall clock, then (-cpu) by this thread's CPU time, which a busy machine disturbs less%n");
            System.out.printf("%-18s %7s %12s %12s %9s %12s %9s %12s %12s %12s %9s%n", "case", "orders", "ours", "raw StAEDI", "ours/raw",
                    "validating", "val/raw", "ours-cpu", "raw-cpu", "val-cpu", "cpu o/r");
            run("edifact-3", edifact, orders, EdiSamples.edifact("4012345000009", 2000, 3), 2000, out);
            run("edifact-200", edifact, orders, EdiSamples.edifact("4012345000009", 40, 200), 40, out);
            run("x12-3", x12, po, EdiSamples.x12("ACMEPO", 2000, 3), 2000, out);
            run("x12-200", x12, po, EdiSamples.x12("ACMEPO", 40, 200), 40, out);
        }
    }

    private static void run(String name, EdiOrderMapper mapper, Schema schema, String content, int orders, Path out)
            throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (out != null) {
            Files.createDirectories(out);
            Files.write(out.resolve(name + ".edi"), bytes);
        }
        InboundDocument doc = EdiSamples.document(mapper.format(), bytes);
        MappingResult check = mapper.map(doc);
        if (check.orders().size() != orders || check.orders().stream().anyMatch(o -> !o.problems().isEmpty())) {
            throw new IllegalStateException(name + ": expected " + orders + " clean orders, got " + check.orders().size()
                    + " " + check.problems());
        }
        for (int i = 0; i < 3; i++) {
            mapper.map(doc);
            rawWalk(bytes);
            validatedWalk(bytes, schema);
        }
        long bestMap = Long.MAX_VALUE;
        long bestRaw = Long.MAX_VALUE;
        long bestValidated = Long.MAX_VALUE;
        long cpuMap = Long.MAX_VALUE;
        long cpuRaw = Long.MAX_VALUE;
        long cpuValidated = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            mapper.map(doc);
            long t1 = System.nanoTime();
            long c1 = CPU.getCurrentThreadCpuTime();
            rawWalk(bytes);
            long t2 = System.nanoTime();
            long c2 = CPU.getCurrentThreadCpuTime();
            validatedWalk(bytes, schema);
            long t3 = System.nanoTime();
            long c3 = CPU.getCurrentThreadCpuTime();
            bestMap = Math.min(bestMap, t1 - t0);
            bestRaw = Math.min(bestRaw, t2 - t1);
            bestValidated = Math.min(bestValidated, t3 - t2);
            cpuMap = Math.min(cpuMap, c1 - c0);
            cpuRaw = Math.min(cpuRaw, c2 - c1);
            cpuValidated = Math.min(cpuValidated, c3 - c2);
        }
        System.out.printf("%-18s %7d %12.0f %12.0f %8.1fx %12.0f %8.1fx %12.0f %12.0f %12.0f %8.1fx%n", name, orders,
                orders * 1e9 / bestMap, orders * 1e9 / bestRaw, (double) bestMap / bestRaw, orders * 1e9 / bestValidated,
                (double) bestValidated / bestRaw, orders * 1e9 / cpuMap, orders * 1e9 / cpuRaw, orders * 1e9 / cpuValidated,
                (double) cpuMap / cpuRaw);
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
