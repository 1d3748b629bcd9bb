package io.orderhub.bench;

import io.orderhub.edi.EdiMappings;
import io.orderhub.edi.EdiOrderMapper;
import io.orderhub.edi.EdiPartners;
import io.orderhub.edi.EdiReader;
import io.orderhub.edi.EdiSamples;
import io.orderhub.edi.EdiSchemas;
import io.orderhub.edi.EdifactOrdersMapper;
import io.orderhub.edi.X12PurchaseOrderMapper;
import io.orderhub.intake.InboundDocument;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

/**
 * Our parse + map alone, repeated for a given time, for profiling (run it under {@code -XX:StartFlightRecording}) and
 * for before/after comparisons on a busy machine: prints orders per second of this thread's CPU time in the best
 * round. Arguments: {@code edifact|x12}, lines per message (3 or 200), seconds. Not part of {@code ./run.sh bench}.
 */
public final class EdiMapCpu {

    private EdiMapCpu() {
    }

    public static void main(String[] args) throws Exception {
        boolean x12 = args[0].startsWith("x12");
        int lines = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        int messages = lines <= 3 ? 2000 : 40;
        Path mappings = Path.of("mappings");
        EdiReader reader = new EdiReader(EdiSchemas.load(mappings.resolve("edi/schemas")));
        try (EdiMappings edi = EdiMappings.load(mappings, new EdiPartners(List.of()))) {
            EdiOrderMapper mapper = x12 ? new X12PurchaseOrderMapper(reader, edi) : new EdifactOrdersMapper(reader, edi);
            String text = x12 ? EdiSamples.x12("ACMEPO", messages, lines) : EdiSamples.edifact("4012345000009", messages, lines);
            InboundDocument doc = EdiSamples.document(mapper.format(), text);
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 3; i++) {
                mapper.map(doc);
            }
            long best = Long.MAX_VALUE;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                long c0 = cpu.getCurrentThreadCpuTime();
                mapper.map(doc);
                best = Math.min(best, cpu.getCurrentThreadCpuTime() - c0);
            }
            System.out.printf("%s-%d: %.0f orders per CPU second (best round, %.0f us per order)%n", args[0], lines,
                    messages * 1e9 / best, best / 1e3 / messages);
        }
    }
}
