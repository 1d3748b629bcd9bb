package io.orderhub.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Partner master data, read from {@code mappings/partners.yaml} at start. */
public final class PartnerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDirectory.class);

    private record File(List<Partner> partners) {
    }

    private final Map<String, Partner> partners = new LinkedHashMap<>();
    private final Map<String, Catalogue> catalogues = new LinkedHashMap<>();

    public PartnerDirectory(List<Partner> list, Path baseDir) {
        for (Partner p : list) {
            if (p.id() == null || p.id().isBlank()) {
                throw new IllegalArgumentException("A partner in the partner file has no id");
            }
            if (partners.put(p.id(), p) != null) {
                throw new IllegalArgumentException("Partner " + p.id() + " is defined twice");
            }
            if (p.catalogue() != null && !p.catalogue().isBlank()) {
                catalogues.put(p.id(), Catalogue.load(baseDir.resolve(p.catalogue())));
            }
        }
    }

    public static PartnerDirectory load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            File parsed = yaml.readValue(Files.readAllBytes(file), File.class);
            PartnerDirectory dir = new PartnerDirectory(parsed.partners() == null ? List.of() : parsed.partners(),
                    file.toAbsolutePath().getParent());
            LOG.info("Loaded {} partners from {}", dir.partners.size(), file);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read partner file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every partner, in file order. */
    public java.util.Collection<Partner> all() {
        return java.util.Collections.unmodifiableCollection(partners.values());
    }

    public Optional<Partner> find(String id) {
        return Optional.ofNullable(id == null ? null : partners.get(id));
    }

    public Optional<Catalogue> catalogue(String partnerId) {
        return Optional.ofNullable(catalogues.get(partnerId));
    }

    /** The partner a client sends for when its orders name no sender: the only partner that lists the client. */
    public Optional<Partner> defaultPartnerFor(String client) {
        List<Partner> allowed = partners.values().stream().filter(p -> p.allowsClient(client)).toList();
        return allowed.size() == 1 ? Optional.of(allowed.get(0)) : Optional.empty();
    }

    /** The web-shop partner whose webhook uses this format and this client may send for. */
    public Optional<Partner> webhookPartner(String format, String client) {
        return partners.values().stream()
                .filter(p -> p.webhook() != null && format.equals(p.webhook().format()))
                .filter(p -> client == null || p.allowsClient(client))
                .findFirst();
    }
}
