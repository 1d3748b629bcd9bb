package io.orderhub.edi.smooks;

import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiStream;
import io.orderhub.edi.mapping.EdiMapContext;
import org.smooks.api.TypedKey;

/**
 * What one Smooks filter call maps: the stream positioned at an interchange whose header has been read. The
 * {@link EdiSaxReader} reads the interchange's messages from it.
 */
public record EdiSaxInput(EdiStream stream, EdiInterchange interchange, EdiMapContext context) {

    /** Where the input is put in the Smooks execution context. */
    public static final TypedKey<EdiSaxInput> KEY = TypedKey.of("orderhub.edi.input");
}
