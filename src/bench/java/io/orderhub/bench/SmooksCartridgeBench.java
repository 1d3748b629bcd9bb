package io.orderhub.bench;

import org.smooks.Smooks;
import org.smooks.api.ExecutionContext;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.ByteSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Smooks' own EDIFACT cartridge (Daffodil/DFDL) on the messages {@link EdiParseBench} wrote: its documented
 * {@code edifact:parser} configuration with {@code cacheOnDisk}, the D96A schema, ORDERS only. Runs in a JVM of its
 * own (the cartridge replaces the JVM's default XML factories). Prints the first-use time (schema compile) and the
 * steady-state orders/s. Only the EDI to XML event stream is produced (no mapping), which favours the cartridge.
 */
public final class SmooksCartridgeBench {

    private static final String CONFIG = """
            <?xml version="1.0"?>
            <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                  xmlns:edifact="https://www.smooks.org/xsd/smooks/edifact-2.0.xsd">
                <edifact:parser schemaURI="/d96a/EDIFACT-Messages.dfdl.xsd" cacheOnDisk="true">
                    <edifact:messageTypes>
                        <edifact:messageType>ORDERS</edifact:messageType>
                    </edifact:messageTypes>
                </edifact:parser>
            </smooks-resource-list>
            """;

    private SmooksCartridgeBench() {
    }

    /** Arguments: the directory with {@code edifact-3.edi} and {@code edifact-200.edi}; seconds per case. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        long t0 = System.nanoTime();
        Smooks smooks = new Smooks(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
        byte[] first = Files.readAllBytes(dir.resolve("edifact-3.edi"));
        String xml = filter(smooks, first);
        double firstUse = (System.nanoTime() - t0) / 1e9;
        if (!xml.contains("ORDERS")) {
            throw new IllegalStateException("the cartridge produced no ORDERS: " + xml.substring(0, Math.min(500, xml.length())));
        }
        System.out.printf("Smooks EDIFACT cartridge: first use (schema compile + first file) %.1f s%n", firstUse);
        System.out.printf("%-18s %12s %10s%n", "case", "orders/s", "files");
        run(smooks, "edifact-3", dir.resolve("edifact-3.edi"), 2000, seconds);
        run(smooks, "edifact-200", dir.resolve("edifact-200.edi"), 40, seconds);
        smooks.close();
    }

    private static void run(Smooks smooks, String name, Path file, int ordersPerFile, double seconds) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        filter(smooks, bytes);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int files = 0;
        do {
            filter(smooks, bytes);
            files++;
        } while (System.nanoTime() < deadline);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-18s %12.0f %10d%n", name, files * ordersPerFile / elapsed, files);
    }

    private static String filter(Smooks smooks, byte[] bytes) {
        ExecutionContext context = smooks.createExecutionContext();
        StringSink sink = new StringSink();
        smooks.filterSource(context, new ByteSource(bytes), sink);
        return sink.getResult();
    }
}
