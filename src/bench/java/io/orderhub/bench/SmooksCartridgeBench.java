package io.orderhub.bench;

import io.orderhub.edi.EdiSamples;
import org.smooks.Smooks;
import org.smooks.api.ExecutionContext;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.ByteSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Smooks' own EDI cartridges (Daffodil/DFDL) on the same generated messages as {@link EdiParseBench}
 * ({@link EdiSamples}, fewer per file so that a file takes seconds, not minutes): for EDIFACT its documented
 * {@code edifact:parser} configuration with {@code cacheOnDisk}, the D96A schema, ORDERS only; for X12 the generic
 * {@code edi:parser} with our DFDL schema for the 850 (bench/dfdl/x12-850.dfdl.xsd, '*' and '~' delimiters),
 * also with {@code cacheOnDisk}. Runs in a JVM of its own (the cartridge replaces the JVM's default XML factories).
 * Prints each first-use time (schema compile) and the steady-state orders/s. Only the EDI to XML event stream is
 * produced (no mapping), which favours the cartridge.
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

    /** The generic EDI cartridge with a DFDL schema file; the delimiters feed the IBM EDI format's variables. */
    private static final String X12_CONFIG = """
            <?xml version="1.0"?>
            <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                  xmlns:edi="https://www.smooks.org/xsd/smooks/edi-2.0.xsd">
                <edi:parser schemaUri="%s" cacheOnDisk="true" segmentTerminator="~%%WSP*;" dataElementSeparator="*"
                            compositeDataElementSeparator="&gt;" repetitionSeparator="^" escapeCharacter="?"/>
            </smooks-resource-list>
            """;

    private SmooksCartridgeBench() {
    }

    /** Arguments: seconds per case, then the standards to run (edifact,x12; default both). */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        String standards = args.length > 1 ? args[1] : "edifact,x12";
        if (standards.contains("edifact")) {
            edifact(seconds);
        }
        if (standards.contains("x12")) {
            x12(seconds);
        }
    }

    private static void x12(double seconds) throws Exception {
        byte[] three = EdiSamples.x12("ACMEPO", 100, 3).getBytes(StandardCharsets.UTF_8);
        byte[] twoHundred = EdiSamples.x12("ACMEPO", 2, 200).getBytes(StandardCharsets.UTF_8);
        String schema = java.nio.file.Path.of("bench/dfdl/x12-850.dfdl.xsd").toAbsolutePath().toUri().toString();
        long t0 = System.nanoTime();
        Smooks smooks = new Smooks(new ByteArrayInputStream(X12_CONFIG.formatted(schema).getBytes(StandardCharsets.UTF_8)));
        String xml = filter(smooks, three);
        double firstUse = (System.nanoTime() - t0) / 1e9;
        int orders = count(xml, "<PurchaseOrder");
        int lines = count(xml, "<PO1Loop");
        if (orders != 100 || lines != 300) {
            throw new IllegalStateException("the X12 cartridge read " + orders + " 850s and " + lines + " PO1 loops instead of 100 and 300: "
                    + xml.substring(0, Math.min(1000, xml.length())));
        }
        System.out.printf("Smooks EDI cartridge, X12 850 DFDL schema: first use (schema compile or load from .smooks/, first file) %.1f s%n", firstUse);
        System.out.printf("%-18s %12s %10s %12s%n", "case", "orders/s", "files", "per CPU s");
        run(smooks, "x12-3", three, 100, seconds);
        run(smooks, "x12-200", twoHundred, 2, seconds);
        smooks.close();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static void edifact(double seconds) throws Exception {
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
        System.out.printf("%-18s %12s %10s %12s%n", "case", "orders/s", "files", "per CPU s");
        run(smooks, "edifact-3", three, 100, seconds);
        run(smooks, "edifact-200", twoHundred, 2, seconds);
        smooks.close();
    }

    private static void run(Smooks smooks, String name, byte[] bytes, int ordersPerFile, double seconds) {
        filter(smooks, bytes);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long deadline = start + (long) (seconds * 1e9);
        int files = 0;
        do {
            filter(smooks, bytes);
            files++;
        } while (System.nanoTime() < deadline);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%-18s %12.1f %10d %12.1f%n", name, files * ordersPerFile / elapsed, files, files * ordersPerFile / cpuSeconds);
    }

    private static String filter(Smooks smooks, byte[] bytes) {
        ExecutionContext context = smooks.createExecutionContext();
        StringSink sink = new StringSink();
        smooks.filterSource(context, new ByteSource(bytes), sink);
        return sink.getResult();
    }
}
