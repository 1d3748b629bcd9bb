package io.orderhub.intake;

import io.orderhub.model.MappingResult;

/** Turns one stored document into canonical orders. Never throws for bad input: problems go into the result. */
public interface DocumentMapper {

    /** The format id this mapper handles, e.g. {@code canonical-json}, {@code woocommerce}. */
    String format();

    MappingResult map(InboundDocument document);
}
