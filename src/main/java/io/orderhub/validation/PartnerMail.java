package io.orderhub.validation;

import java.util.List;

/**
 * How a partner's e-mail is recognised (the {@code mail:} block of a partner in partners.yaml).
 *
 * @param senders sender addresses ({@code orders@acme.example}) or whole domains ({@code @acme.example})
 */
public record PartnerMail(List<String> senders) {
    public PartnerMail {
        senders = senders == null ? List.of() : List.copyOf(senders);
    }
}
