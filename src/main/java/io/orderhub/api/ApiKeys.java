package io.orderhub.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * API keys of upstream systems, one per client, from {@code orderhub.http.api-keys}: a comma-separated list of
 * {@code client=key} or {@code client=sha256:<hex of the key's SHA-256>} (so the key itself need not be in the
 * configuration). Keys are compared by their hashes in constant time.
 */
public final class ApiKeys {

    private final Map<String, byte[]> hashByClient = new LinkedHashMap<>();

    public ApiKeys(String spec) {
        if (spec == null || spec.isBlank()) {
            return;
        }
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("orderhub.http.api-keys: '" + e.replaceAll("=.*", "=***")
                        + "' is not client=key");
            }
            String client = e.substring(0, eq).trim();
            String key = e.substring(eq + 1).trim();
            byte[] hash = key.startsWith("sha256:") ? HexFormat.of().parseHex(key.substring(7)) : sha256(key);
            hashByClient.put(client, hash);
        }
    }

    public int size() {
        return hashByClient.size();
    }

    /** The client a key belongs to. */
    public Optional<String> clientFor(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(key);
        String found = null;
        for (Map.Entry<String, byte[]> e : hashByClient.entrySet()) {
            if (MessageDigest.isEqual(hash, e.getValue())) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
