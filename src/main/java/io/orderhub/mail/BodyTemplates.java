package io.orderhub.mail;

import io.orderhub.model.MappingResult;

import java.util.Optional;

/**
 * Reads orders typed into a mail's text with a partner's body template (the partner's {@code mail.bodyTemplate}).
 * The hub has none built in: {@link #NONE} reads nothing, so body-only mails go to review with their text kept.
 */
@FunctionalInterface
public interface BodyTemplates {

    BodyTemplates NONE = (template, partnerId, text) -> Optional.empty();

    /**
     * @return the orders read with the template, or empty when there is no such template
     */
    Optional<MappingResult> apply(String template, String partnerId, String text);
}
