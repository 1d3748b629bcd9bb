package io.orderhub.pdf;

import io.orderhub.validation.Partner;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All PDF templates of {@code mappings/pdf/} ({@code *.pdf.yaml}), read at start, by their path relative to the
 * mappings directory ({@code pdf/acme.pdf.yaml}, as partners name them). A template that cannot be read, or a
 * partner naming one that does not exist, stops the hub at start with a message saying which and why.
 */
public final class PdfTemplates {

    public static final String DIR = "pdf";
    public static final String SUFFIX = ".pdf.yaml";

    private final Map<String, PdfTemplate> byName;

    public PdfTemplates(Map<String, PdfTemplate> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static PdfTemplates load(Path mappingsDir, Collection<Partner> partners) {
        Path dir = mappingsDir.resolve(DIR);
        Map<String, PdfTemplate> templates = new LinkedHashMap<>();
        TemplateFiles.load(dir, SUFFIX, PdfTemplate::load).forEach((file, t) -> templates.put(DIR + "/" + file, t));
        PdfTemplates loaded = new PdfTemplates(templates);
        for (Partner p : partners) {
            if (p.pdf() != null && loaded.find(p.pdf().template()).isEmpty()) {
                throw new IllegalStateException("Partner " + p.id() + ": pdf.template '" + p.pdf().template()
                        + "' is not in " + dir + " (known: " + templates.keySet() + ")");
            }
        }
        return loaded;
    }

    /** The template a partner's {@code pdf.template} names: {@code pdf/acme.pdf.yaml}, {@code acme.pdf.yaml} or {@code acme}. */
    public Optional<PdfTemplate> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (String candidate : new String[] {name, DIR + "/" + name, DIR + "/" + name + SUFFIX}) {
            if (byName.containsKey(candidate)) {
                return Optional.of(byName.get(candidate));
            }
        }
        return Optional.empty();
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
