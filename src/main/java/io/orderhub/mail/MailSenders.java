package io.orderhub.mail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.orderhub.validation.Partner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the partner a mail is from: its From address against the {@code mail.senders} of the partners in the
 * partner file. A listed address wins over a listed domain; an address two partners claim (or whose domain two
 * partners claim) belongs to neither.
 */
public final class MailSenders {

    private record PartnerFile(List<Partner> partners) {
    }

    private final List<Partner> partners;

    public MailSenders(List<Partner> partners) {
        this.partners = partners.stream().filter(p -> p.mail() != null).toList();
    }

    public static MailSenders fromPartnerFile(Path partnerFile) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try {
            PartnerFile parsed = yaml.readValue(Files.readAllBytes(partnerFile), PartnerFile.class);
            return new MailSenders(parsed.partners() == null ? List.of() : parsed.partners());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read partner file " + partnerFile + ": " + e.getMessage(), e);
        }
    }

    /** The partner this address belongs to, if exactly one claims it. */
    public Optional<Partner> partnerFor(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        List<Partner> exact = partners.stream().filter(p -> p.mail().matchesExactly(address)).toList();
        if (!exact.isEmpty()) {
            return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
        }
        List<Partner> byDomain = partners.stream().filter(p -> p.mail().matches(address)).toList();
        return byDomain.size() == 1 ? Optional.of(byDomain.get(0)) : Optional.empty();
    }

    /** The partner with this id, if it has a {@code mail:} block. */
    public Optional<Partner> partner(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
