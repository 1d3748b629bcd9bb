package io.orderhub.edi.mapping;

import io.orderhub.edi.EdiSegment;
import io.orderhub.edi.EdiValueRef;
import io.orderhub.model.SourceRef;

/** A value bound by a mapping, with where it was read. */
record Located(String value, EdiValueRef ref) {

    static final String KIND = "edi";

    static Located of(String value) {
        return new Located(value, EdiMapContext.current().locate(value));
    }

    EdiSegment segment() {
        return ref == null ? null : ref.segment();
    }

    boolean sameSegment(Located other) {
        return other != null && segment() != null && segment() == other.segment();
    }

    SourceRef source() {
        return new SourceRef(KIND, ref == null ? "" : ref.locator(), 1.0);
    }

    String problemPath() {
        return ref == null ? "" : ref.problemPath();
    }
}
