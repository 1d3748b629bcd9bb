package io.orderhub.pdf;

import io.orderhub.mail.BodyTemplates;
import io.orderhub.model.MappingResult;
import io.orderhub.validation.Partner;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The body templates of {@code mappings/body/} ({@code *.body.yaml}), by file name with or without the suffix, as a
 * partner's {@code mail.bodyTemplate} names them. Read at start; a partner naming one that does not exist stops the
 * hub at start.
 */
public final class BodyTemplateFiles implements BodyTemplates {

    public static final String DIR = "body";
    public static final String SUFFIX = ".body.yaml";

    private final Map<String, BodyTemplate> byName;

    public BodyTemplateFiles(Map<String, BodyTemplate> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static BodyTemplateFiles load(Path mappingsDir, Collection<Partner> partners) {
        Path dir = mappingsDir.resolve(DIR);
        Map<String, BodyTemplate> templates = TemplateFiles.load(dir, SUFFIX, BodyTemplate::load);
        BodyTemplateFiles loaded = new BodyTemplateFiles(templates);
        for (Partner p : partners) {
            String name = p.mail() == null ? null : p.mail().bodyTemplate();
            if (name != null && loaded.find(name).isEmpty()) {
                throw new IllegalStateException("Partner " + p.id() + ": mail.bodyTemplate '" + name + "' is not in "
                        + dir + " (known: " + templates.keySet() + ")");
            }
        }
        return loaded;
    }

    Optional<BodyTemplate> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String file = name.startsWith(DIR + "/") ? name.substring(DIR.length() + 1) : name;
        BodyTemplate t = byName.get(file);
        return Optional.ofNullable(t != null ? t : byName.get(file + SUFFIX));
    }

    @Override
    public Optional<MappingResult> apply(String template, String partnerId, String text) {
        return find(template).map(t -> t.apply(partnerId, text));
    }
}
