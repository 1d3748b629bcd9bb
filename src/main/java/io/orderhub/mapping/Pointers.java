package io.orderhub.mapping;

import com.fasterxml.jackson.core.JsonPointer;

/** JSON pointer checks for mapping specs (RFC 6901: "" is the whole node, anything else starts with "/"). */
final class Pointers {

    private Pointers() {
    }

    static boolean valid(String pointer) {
        if (pointer == null) {
            return false;
        }
        try {
            JsonPointer.compile(pointer);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A pointer as people read it in messages: the empty pointer is shown as {@code ""}. */
    static String show(String pointer) {
        return pointer.isEmpty() ? "\"\"" : pointer;
    }
}
