package io.orderhub.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** Reads every file with a suffix in a folder of templates, by file name, in name order; no folder, no templates. */
final class TemplateFiles {

    private TemplateFiles() {
    }

    static <T> Map<String, T> load(Path dir, String suffix, Function<Path, T> reader) {
        Map<String, T> templates = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return templates;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted()
                    .forEach(f -> templates.put(f.getFileName().toString(), reader.apply(f)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list templates in " + dir, e);
        }
        return templates;
    }
}
