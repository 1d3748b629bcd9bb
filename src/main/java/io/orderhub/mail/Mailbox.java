package io.orderhub.mail;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One mailbox the hub reads orders from (an entry of {@code mailboxes:} in mappings/mailboxes.yaml). A mailbox is
 * shared: many partners write to it, and each mail's sender says whose it is. Unset fields take the defaults
 * below; an inconsistent entry stops the hub at start with a message naming the field.
 *
 * @param name               the mailbox's id: route {@code mail-intake-<name>}, client {@code mailbox:<name>}
 * @param protocol           {@code imap}, {@code imaps}, {@code pop3} or {@code pop3s}
 * @param host               the mail server
 * @param port               default 143 / 993 / 110 / 995 by protocol
 * @param user               login name
 * @param passwordProperty   the NAME of the configuration property (or environment variable) holding the password
 * @param folder             the folder read, default {@code INBOX} (POP3 has only INBOX)
 * @param pollMs             poll interval in milliseconds, default 60000
 * @param defaultPartner     the partner a mail from an unknown sender is attributed to for review (its orders still
 *                           go to review with the problem {@code unknown-sender}); none by default
 * @param afterCommit        what happens on the server once a mail's document is committed: {@code seen} (mark it
 *                           read, the default for IMAP), {@code move} (to {@code moveTo}) or {@code delete} (the
 *                           only choice for POP3, which has no flags)
 * @param moveTo             with {@code move}: the folder, created if missing
 * @param maxMessageBytes    larger mails are not fetched: a document with their headers and the problem
 *                           {@code message-too-large} is stored, and the mail is never deleted; default 25 MB
 */
public record Mailbox(
        String name,
        String protocol,
        String host,
        Integer port,
        String user,
        String passwordProperty,
        String folder,
        Long pollMs,
        String defaultPartner,
        AfterCommit afterCommit,
        String moveTo,
        Long maxMessageBytes) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,59}");

    /** What the consumer does with a mail on the server after its document is committed. */
    public enum AfterCommit {
        @JsonProperty("seen") SEEN,
        @JsonProperty("move") MOVE,
        @JsonProperty("delete") DELETE
    }

    public Mailbox {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("mailbox: 'name' must be letters, digits, '.', '_' or '-', is " + name);
        }
        String where = "mailbox " + name + ": ";
        protocol = protocol == null ? "imap" : protocol.trim().toLowerCase(Locale.ROOT);
        if (!protocol.matches("imaps?|pop3s?")) {
            throw new IllegalArgumentException(where + "'protocol' must be imap, imaps, pop3 or pop3s, is " + protocol);
        }
        if (blank(host) || blank(user)) {
            throw new IllegalArgumentException(where + "'host' and 'user' are required");
        }
        if (blank(passwordProperty)) {
            throw new IllegalArgumentException(where + "'passwordProperty' is required: the name of the property"
                    + " holding the password (never the password itself)");
        }
        port = port == null ? defaultPort(protocol) : port;
        folder = blank(folder) ? "INBOX" : folder.trim();
        pollMs = positive(where, pollMs, 60_000L, "pollMs");
        defaultPartner = blank(defaultPartner) ? null : defaultPartner.trim();
        boolean pop3 = protocol.startsWith("pop3");
        afterCommit = afterCommit == null ? (pop3 ? AfterCommit.DELETE : AfterCommit.SEEN) : afterCommit;
        if (pop3 && afterCommit != AfterCommit.DELETE) {
            throw new IllegalArgumentException(where + "POP3 has no flags or folders: 'afterCommit' must be delete");
        }
        if (pop3 && !"INBOX".equalsIgnoreCase(folder)) {
            throw new IllegalArgumentException(where + "POP3 has only the folder INBOX");
        }
        if (afterCommit == AfterCommit.MOVE && blank(moveTo)) {
            throw new IllegalArgumentException(where + "'afterCommit: move' needs 'moveTo'");
        }
        if (afterCommit != AfterCommit.MOVE && !blank(moveTo)) {
            throw new IllegalArgumentException(where + "'moveTo' is only used with 'afterCommit: move'");
        }
        moveTo = blank(moveTo) ? null : moveTo.trim();
        maxMessageBytes = positive(where, maxMessageBytes, 25L * 1024 * 1024, "maxMessageBytes");
    }

    /** The client of a mail whose sender is no known partner; with the channel, the scope of its idempotency key. */
    public String client() {
        return "mailbox:" + name;
    }

    public String routeId() {
        return "mail-intake-" + name;
    }

    /** For logs: where the mails are read, without secrets. */
    public String location() {
        return protocol + "://" + user + "@" + host + ":" + port + "/" + folder;
    }

    private static int defaultPort(String protocol) {
        return switch (protocol) {
            case "imaps" -> 993;
            case "pop3" -> 110;
            case "pop3s" -> 995;
            default -> 143;
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Long positive(String where, Long value, long fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException(where + "'" + field + "' must be positive, is " + value);
        }
        return value;
    }
}
