package io.orderhub.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The StAEDI transaction schemas messages are validated against, compiled once at start from
 * {@code mappings/edi/schemas/index.properties}: {@code <STANDARD>.<type>.<version> = <file>}, where the version is the
 * EDIFACT directory ({@code D96A}) or the first six characters of the X12 group version ({@code 004010}), and
 * {@code <STANDARD>.<type>.*} names the schema for versions the index does not list.
 */
public final class EdiSchemas {

    /** A compiled schema and where it came from; {@code fallback} when the version was not listed. */
    public record Entry(String file, Schema schema, boolean fallback) {
    }

    public static final String INDEX = "index.properties";

    private final Map<String, Entry> exact;
    private final Map<String, Entry> fallbacks;

    private EdiSchemas(Map<String, Entry> exact, Map<String, Entry> fallbacks) {
        this.exact = exact;
        this.fallbacks = fallbacks;
    }

    /** No schemas: only envelopes are validated. */
    public static EdiSchemas none() {
        return new EdiSchemas(Map.of(), Map.of());
    }

    /** Reads the index in {@code dir} and compiles every schema it names (each file once). */
    public static EdiSchemas load(Path dir) {
        Properties index = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(INDEX))) {
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the EDI schema index " + dir.resolve(INDEX), e);
        }
        SchemaFactory factory = SchemaFactory.newFactory();
        try {
            factory.setProperty(SchemaFactory.SCHEMA_LOCATION_URL_CONTEXT, dir.toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Schema> compiled = new HashMap<>();
        Map<String, Entry> exact = new LinkedHashMap<>();
        Map<String, Entry> fallbacks = new LinkedHashMap<>();
        for (String key : index.stringPropertyNames()) {
            String file = index.getProperty(key).trim();
            Schema schema = compiled.computeIfAbsent(file, f -> compile(factory, dir.resolve(f)));
            String k = key.trim().toUpperCase(Locale.ROOT);
            if (k.endsWith(".*")) {
                fallbacks.put(k.substring(0, k.length() - 2), new Entry(file, schema, true));
            } else {
                exact.put(k, new Entry(file, schema, false));
            }
        }
        return new EdiSchemas(exact, fallbacks);
    }

    private static Schema compile(SchemaFactory factory, Path file) {
        try {
            return factory.createSchema(file.toUri().toURL());
        } catch (EDISchemaException | MalformedURLException e) {
            throw new IllegalStateException("Cannot compile EDI schema " + file + ": " + e.getMessage(), e);
        }
    }

    /** The schema for a message type and version: the listed one, else the type's fallback, else empty. */
    public Optional<Entry> find(EdiStandard standard, String type, String version) {
        if (type == null) {
            return Optional.empty();
        }
        String base = standard.name() + "." + type.toUpperCase(Locale.ROOT);
        Entry e = version == null ? null : exact.get(base + "." + version.toUpperCase(Locale.ROOT));
        return Optional.ofNullable(e != null ? e : fallbacks.get(base));
    }
}
