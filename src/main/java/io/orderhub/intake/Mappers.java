package io.orderhub.intake;

import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** All mappers by format; a mapper that fails unexpectedly still yields a result that names the failure. */
public final class Mappers {

    private static final Logger LOG = LoggerFactory.getLogger(Mappers.class);

    private final Map<String, DocumentMapper> byFormat = new LinkedHashMap<>();

    public Mappers(List<DocumentMapper> mappers) {
        for (DocumentMapper m : mappers) {
            if (byFormat.put(m.format(), m) != null) {
                throw new IllegalArgumentException("Two mappers for format " + m.format());
            }
        }
    }

    public Set<String> formats() {
        return byFormat.keySet();
    }

    public boolean supports(String format) {
        return byFormat.containsKey(format);
    }

    public MappingResult map(InboundDocument document) {
        DocumentMapper mapper = byFormat.get(document.format());
        if (mapper == null) {
            return MappingResult.rejected(document.format(), List.of(new Problem("", "unsupported-format",
                    "no mapping for format '" + document.format() + "'; known: " + byFormat.keySet())));
        }
        try {
            return mapper.map(document);
        } catch (RuntimeException e) {
            LOG.error("Mapper {} failed on document {}", document.format(), document.id(), e);
            return MappingResult.rejected(document.format(), List.of(new Problem("", "mapping-failed",
                    "the " + document.format() + " mapping failed: " + e)));
        }
    }
}
