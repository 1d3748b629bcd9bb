package io.orderhub.edi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A segment group (EDIFACT) or loop (X12), named by the code the transaction schema gives it, e.g. {@code LIN-group}. */
public final class EdiLoop implements EdiNode {

    private final String code;
    private final List<EdiNode> children = new ArrayList<>();

    public EdiLoop(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public List<EdiNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The group's first segment (its trigger), or null if it has none. */
    public EdiSegment trigger() {
        for (EdiNode n : children) {
            if (n instanceof EdiSegment s) {
                return s;
            }
        }
        return null;
    }

    List<EdiNode> mutableChildren() {
        return children;
    }
}
