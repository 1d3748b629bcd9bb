package io.orderhub.edi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.orderhub.validation.Partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The partners that send EDI, found by the sender id in the interchange header (their {@code edi.interchangeIds}). */
public final class EdiPartners {

    private record File(List<Partner> partners) {
    }

    private final List<Partner> all;
    private final Map<String, Partner> byInterchangeId = new HashMap<>();

    public EdiPartners(Collection<Partner> partners) {
        this.all = List.copyOf(partners);
        for (Partner p : partners) {
            if (p.edi() == null) {
                continue;
            }
            for (String id : p.edi().interchangeIds()) {
                Partner before = byInterchangeId.putIfAbsent(id.strip(), p);
                if (before != null && before != p) {
                    throw new IllegalArgumentException("Interchange id " + id + " belongs to partners " + before.id() + " and " + p.id());
                }
            }
        }
    }

    /** Reads the partner file (mappings/partners.yaml). */
    public static EdiPartners load(Path partnersFile) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try {
            File f = yaml.readValue(Files.readAllBytes(partnersFile), File.class);
            return new EdiPartners(f.partners() == null ? List.of() : f.partners());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read partner file " + partnersFile, e);
        }
    }

    public List<Partner> all() {
        return all;
    }

    /** The partner whose interchange ids include the header's sender id. */
    public Optional<Partner> bySender(String senderId) {
        return Optional.ofNullable(senderId == null ? null : byInterchangeId.get(senderId.strip()));
    }
}
