package io.orderhub.mail;

/**
 * Bounds on what the hub unpacks from a mail (the {@code limits:} block of mappings/mailboxes.yaml).
 *
 * @param maxAttachmentBytes an attachment, or a zip entry, larger than this is not mapped (problem
 *                           {@code attachment-too-large}); default 10 MB
 * @param maxZipEntries      a zip attachment with more entries is not unpacked past this many; default 100
 * @param maxZipBytes        the decompressed bytes read from one zip attachment at most; default 50 MB
 * @param maxNesting         how deep attached mails (message/rfc822) and multiparts are followed; default 5
 */
public record MailLimits(Long maxAttachmentBytes, Integer maxZipEntries, Long maxZipBytes, Integer maxNesting) {

    public static final MailLimits DEFAULTS = new MailLimits(null, null, null, null);

    public MailLimits {
        maxAttachmentBytes = positive(maxAttachmentBytes, 10L * 1024 * 1024, "maxAttachmentBytes");
        maxZipEntries = positive(maxZipEntries, 100, "maxZipEntries");
        maxZipBytes = positive(maxZipBytes, 50L * 1024 * 1024, "maxZipBytes");
        maxNesting = positive(maxNesting, 5, "maxNesting");
    }

    private static Integer positive(Integer value, int fallback, String field) {
        return value == null ? fallback : Math.toIntExact(positive((long) value, fallback, field));
    }

    private static Long positive(Long value, long fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("limits: '" + field + "' must be positive, is " + value);
        }
        return value;
    }
}
