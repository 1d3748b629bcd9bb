package io.orderhub.intake;

import io.orderhub.validation.PartnerDrop;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One drop route to create from a template of routes/file-intake.camel.yaml: the template ({@code sftp-drop} or
 * {@code folder-drop}), the route id ({@code sftp-drop-<partner>}) and the template parameters, all derived from a
 * partner's {@code drop:} block. Secrets are looked up here, by the property names the block gives.
 */
public record DropRouteSpec(String templateId, String routeId, Map<String, String> parameters) {

    public static final String SFTP_TEMPLATE = "sftp-drop";
    public static final String FOLDER_TEMPLATE = "folder-drop";

    /** The file language expression of the {@code move} option: the folder the route chose, then the name. */
    static final String MOVE_TO_TARGET = "${exchangeProperty.orderhubDropTarget}/${file:name}";

    /**
     * @param properties resolves configuration properties (and environment variables) by name
     * @param folderBase the directory relative local folders are resolved against
     */
    public static DropRouteSpec of(String partnerId, PartnerDrop drop, Function<String, Optional<String>> properties,
                                   Path folderBase) {
        String template = drop.type() == PartnerDrop.Type.SFTP ? SFTP_TEMPLATE : FOLDER_TEMPLATE;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("partner", partnerId);
        p.put("include", drop.include());
        if (!drop.exclude().isBlank()) {
            p.put("exclude", drop.exclude());
        }
        p.put("pollMs", String.valueOf(drop.pollMs()));
        p.put("concurrency", String.valueOf(drop.concurrency()));
        p.put("initialDelayMs", String.valueOf(Math.min(1000L, drop.pollMs())));
        completeness(drop, p);
        if (drop.delete()) {
            p.put("delete", "true");
            p.put("archive", "");
            p.put("error", "");
        } else {
            p.put("move", MOVE_TO_TARGET);
            p.put("archive", drop.archive());
            p.put("error", drop.error());
        }
        if (drop.type() == PartnerDrop.Type.SFTP) {
            sftp(partnerId, drop, properties, p);
        } else {
            Path folder = folderBase.resolve(drop.folder()).toAbsolutePath().normalize();
            p.put("folder", folder.toString());
            p.put("location", folder.toString());
        }
        return new DropRouteSpec(template, template + "-" + partnerId, Map.copyOf(p));
    }

    private static void completeness(PartnerDrop drop, Map<String, String> p) {
        switch (drop.complete()) {
            case STABLE_SIZE -> {
                p.put("readLock", "changed");
                p.put("readLockCheckInterval", String.valueOf(drop.stableMs()));
                p.put("readLockMinAge", String.valueOf(drop.minAgeMs()));
                // one acquisition may wait this long for a growing file; after it the file is left to the next poll
                p.put("readLockTimeout", String.valueOf(Math.max(10_000L, 4 * drop.stableMs() + drop.minAgeMs())));
            }
            case DONE_FILE -> {
                p.put("readLock", "none");
                p.put("doneFileName", drop.doneFile());
            }
            case RENAME -> p.put("readLock", "none");
        }
    }

    private static void sftp(String partnerId, PartnerDrop drop, Function<String, Optional<String>> properties,
                             Map<String, String> p) {
        p.putAll(sftpConnection(partnerId, drop, properties));
        p.put("folder", drop.folder());
        String folder = drop.folder().startsWith("/") ? drop.folder() : "/" + drop.folder();
        p.put("location", "sftp://" + drop.user() + "@" + drop.host() + ":" + drop.port() + folder);
    }

    /**
     * How to reach and log in to a partner's SFTP server, as template parameters: host, port, user, password,
     * privateKeyPassphrase, privateKeyFile, knownHostsFile, strictHostKeyChecking (also used by the route that writes
     * to the partner's outbound folder).
     */
    public static Map<String, String> sftpConnection(String partnerId, PartnerDrop drop,
                                                     Function<String, Optional<String>> properties) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("host", drop.host());
        p.put("port", String.valueOf(drop.port()));
        p.put("user", drop.user());
        p.put("password", secret(partnerId, "passwordProperty", drop.passwordProperty(), properties));
        p.put("privateKeyPassphrase", secret(partnerId, "privateKeyPassphraseProperty",
                drop.privateKeyPassphraseProperty(), properties));
        // the YAML DSL wraps these endpoint options in RAW(...) as secrets, which keeps an absent optional
        // placeholder from being removed: they are always given, empty when unused
        p.put("privateKeyFile", blankToEmpty(drop.privateKeyFile()));
        p.put("knownHostsFile", blankToEmpty(drop.knownHostsFile()));
        boolean verifyHost = !p.get("knownHostsFile").isEmpty();
        p.put("strictHostKeyChecking", verifyHost ? "yes" : "no");
        return p;
    }

    /** The value of the property a drop block names for a secret; empty when the block names none. */
    private static String secret(String partnerId, String field, String propertyName,
                                 Function<String, Optional<String>> properties) {
        if (propertyName == null || propertyName.isBlank()) {
            return "";
        }
        return properties.apply(propertyName).orElseThrow(() -> new IllegalStateException("Partner " + partnerId
                + ": drop." + field + " names the property " + propertyName + ", which is not set (set it, or the"
                + " environment variable " + propertyName.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")
                + ")"));
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    /** True when the route will not verify the SFTP server's host key. */
    public boolean trustsAnyHostKey() {
        return "no".equals(parameters.get("strictHostKeyChecking"));
    }
}
