package io.orderhub.mail;

import java.util.Locale;

/**
 * The SMTP server confirmations are sent through (the {@code confirmations:} block of mappings/mailboxes.yaml).
 *
 * @param protocol         {@code smtp} or {@code smtps}
 * @param passwordProperty the NAME of the property holding the password; none for an open relay
 * @param from             the From address of confirmations
 */
public record SmtpSettings(String protocol, String host, Integer port, String user, String passwordProperty,
                           String from) {

    public SmtpSettings {
        protocol = protocol == null ? "smtp" : protocol.trim().toLowerCase(Locale.ROOT);
        if (!protocol.matches("smtps?")) {
            throw new IllegalArgumentException("confirmations: 'protocol' must be smtp or smtps, is " + protocol);
        }
        if (host == null || host.isBlank() || from == null || from.isBlank()) {
            throw new IllegalArgumentException("confirmations: 'host' and 'from' are required");
        }
        port = port == null ? ("smtps".equals(protocol) ? 465 : 25) : port;
        user = user == null ? "" : user.trim();
        passwordProperty = passwordProperty == null ? "" : passwordProperty.trim();
    }
}
