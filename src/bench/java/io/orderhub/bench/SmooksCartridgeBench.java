package io.orderhub.bench;

import io.orderhub.edi.EdiSamples;
import org.smooks.Smooks;
import org.smooks.api.ExecutionContext;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.ByteSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Smooks' own EDIFACT cartridge (Daffodil/DFDL) on the same generated messages as {@link EdiParseBench}
 * ({@link EdiSamples}, fewer per file so that a file takes seconds, not minutes): its documented
 * {@code edifact:parser} configuration with {@code cacheOnDisk}, the D96A schema, ORDERS only. Runs in a JVM of its
 * own (the cartridge replaces the JVM's default XML factories). Prints the first-use time (schema compile) and the
 * steady-state orders/s. Only the EDI to XML event stream is produced (no mapping), which favours the cartridge.
 */
public final class SmooksCartridgeBench {

    private static final String CONFIG = """
            <?xml version="1.0"?>
            <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                  xmlns:edifact="https://www.smooks.org/xsd/smooks/edifact-2.0.xsd">
                <edifact:parser schemaUri="/d96a/EDIFACT-Messages.dfdl.xsd" cacheOnDisk="true">
                    <edifact:messageTypes>
                        <edifact:messageType>ORDERS</edifact:messageType>
                    </edifact:messageTypes>
                </edifact:parser>
            </smooks-resource-list>
            """;

    private SmooksCartridgeBench() {
    }

    /** Arguments: seconds per case. */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        byte[] three = EdiSamples.edifact("4012345000009", 100, 3).getBytes(StandardCharsets.UTF_8);
        byte[] twoHundred = EdiSamples.edifact("4012345000009", 2, 200).getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Smooks smooks = new Smooks(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
        String xml = filter(smooks, three);
        double firstUse = (System.nanoTime() - t0) / 1e9;
        if (!xml.contains("ORDERS")) {
            throw new IllegalStateException("the cartridge produced no ORDERS: " + xml.substring(0, Math.min(500, xml.length())));
        }
        System.out.printf("Smooks EDIFACT cartridge: first use (schema compile or load from .smooks/, first file) %.1f s%n", firstUse);
        System.out.printf("%-18s %12s %10s%n", "case", "orders/s", "files");
        run(smooks, "edifact-3", three, 100, seconds);
        run(smooks, "edifact-200", twoHundred, 2, seconds);
        smooks.close();
    }

    private static void run(Smooks smooks, String name, byte[] bytes, int ordersPerFile, double seconds) {
        filter(smooks, bytes);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int files = 0;
        do {
            filter(smooks, bytes);
            files++;
        } while (System.nanoTime() < deadline);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-18s %12.1f %10d%n", name, files * ordersPerFile / elapsed, files);
    }

    private static String filter(Smooks smooks, byte[] bytes) {
        ExecutionContext context = smooks.createExecutionContext();
        StringSink sink = new StringSink();
        smooks.filterSource(context, new ByteSource(bytes), sink);
        return sink.getResult();
    }
}
