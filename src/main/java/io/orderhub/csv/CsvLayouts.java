package io.orderhub.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** All CSV layouts of {@code mappings/csv/} ({@code *.csv.yaml}) by file name, read at start. */
public final class CsvLayouts {

    public static final String SUFFIX = ".csv.yaml";

    private final Map<String, CsvLayout> byName;

    public CsvLayouts(Map<String, CsvLayout> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static CsvLayouts load(Path dir) {
        Map<String, CsvLayout> layouts = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted()
                        .forEach(f -> layouts.put(f.getFileName().toString(), CsvLayout.load(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list CSV layouts in " + dir, e);
            }
        }
        return new CsvLayouts(layouts);
    }

    /** The layout a partner's {@code csv.mapping} names, with or without the {@code .csv.yaml} suffix. */
    public Optional<CsvLayout> find(String mapping) {
        if (mapping == null) {
            return Optional.empty();
        }
        CsvLayout layout = byName.get(mapping);
        return Optional.ofNullable(layout != null ? layout : byName.get(mapping + SUFFIX));
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
