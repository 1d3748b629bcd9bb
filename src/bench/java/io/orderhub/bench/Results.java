package io.orderhub.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The numbers of one bench step as {@code key=value} lines in a file, written in insertion order. */
final class Results {

    private final Map<String, String> values = new LinkedHashMap<>();

    void put(String key, Object value) {
        values.put(key, String.valueOf(value).replace('\\', '/').replace('\n', ' ').replace('\r', ' '));
    }

    String get(String key) {
        return values.get(key);
    }

    /** Puts a microsecond value as milliseconds with two decimals (or -1 if there was none). */
    void putMillis(String key, long micros) {
        put(key, micros < 0 ? "-1" : String.format(Locale.ROOT, "%.2f", micros / 1000.0));
    }

    void writeTo(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Reads a result file; an absent file reads as empty. */
    static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }
}
