package io.orderhub.mail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The content of mappings/mailboxes.yaml: the mailboxes read, the limits for what is read from mails, and,
 * optionally, the SMTP server for confirmations.
 * A missing file means no mailboxes.
 */
public record MailboxFile(List<Mailbox> mailboxes, MailLimits limits, SmtpSettings confirmations) {

    public MailboxFile {
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        limits = limits == null ? MailLimits.DEFAULTS : limits;
        Set<String> names = new HashSet<>();
        for (Mailbox m : mailboxes) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("mailbox " + m.name() + " is defined twice");
            }
        }
    }

    public static MailboxFile load(Path file) {
        if (!Files.exists(file)) {
            return new MailboxFile(List.of(), null, null);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            MailboxFile parsed = yaml.readValue(Files.readAllBytes(file), MailboxFile.class);
            return parsed == null ? new MailboxFile(List.of(), null, null) : parsed;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read mailbox file " + file + ": " + e.getMessage(), e);
        }
    }
}
