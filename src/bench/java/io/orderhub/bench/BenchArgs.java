package io.orderhub.bench;

import java.util.HashMap;
import java.util.Map;

/** Command-line options of the bench programs: {@code --name value} pairs with typed, defaulted getters. */
final class BenchArgs {

    private final Map<String, String> values = new HashMap<>();

    BenchArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + a + "'");
            }
            values.put(a.substring(2), args[++i]);
        }
    }

    String string(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    int integer(String name, int dflt) {
        String v = values.get(name);
        return v == null ? dflt : Integer.parseInt(v.trim());
    }

    long number(String name, long dflt) {
        String v = values.get(name);
        return v == null ? dflt : Long.parseLong(v.trim());
    }
}
