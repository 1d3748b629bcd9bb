package io.orderhub.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads mapping specs ({@code *.mapping.yaml}) and makes one {@link JsonOrderMapper} of each. */
public final class MappingSpecLoader {

    public static final String SUFFIX = ".mapping.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(MappingSpecLoader.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private MappingSpecLoader() {
    }

    /**
     * One mapper for each {@code *.mapping.yaml} file in {@code dir}, in file-name order. A directory that does not
     * exist has no mappings.
     *
     * @throws IllegalStateException if a file cannot be read, is not a valid spec, or repeats another's format
     */
    public static List<JsonOrderMapper> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warn("No web-shop mapping directory {}; no web-shop formats are mapped", dir.toAbsolutePath());
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list mapping directory " + dir + ": " + e.getMessage(), e);
        }
        Map<String, Path> fileByFormat = new LinkedHashMap<>();
        List<JsonOrderMapper> mappers = new ArrayList<>();
        for (Path file : files) {
            JsonOrderMapper mapper = load(file);
            Path other = fileByFormat.put(mapper.format(), file);
            if (other != null) {
                throw new IllegalStateException("Mappings " + other.getFileName() + " and " + file.getFileName()
                        + " both define format '" + mapper.format() + "'");
            }
            mappers.add(mapper);
        }
        LOG.info("Loaded {} web-shop mappings from {}: {}", mappers.size(), dir, fileByFormat.keySet());
        return mappers;
    }

    /** The mapper of one spec file. */
    public static JsonOrderMapper load(Path file) {
        String origin = file.getFileName().toString();
        try {
            return new JsonOrderMapper(read(Files.readAllBytes(file), origin), origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read mapping " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A spec from YAML text, not yet validated.
     *
     * @throws IllegalArgumentException if the text is not YAML of a spec's shape
     */
    public static MappingSpec read(byte[] yaml, String origin) {
        try {
            MappingSpec spec = YAML.readValue(yaml, MappingSpec.class);
            if (spec == null) {
                throw new IllegalArgumentException("Mapping " + origin + " is empty");
            }
            return spec;
        } catch (IOException e) {
            throw new IllegalArgumentException("Mapping " + origin + " is not valid: " + e.getMessage(), e);
        }
    }
}
