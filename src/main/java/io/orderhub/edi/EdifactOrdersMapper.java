package io.orderhub.edi;

import java.util.function.Supplier;

/** EDIFACT ORDERS to canonical orders: the {@code edifact} format. */
public final class EdifactOrdersMapper extends EdiOrderMapper {

    public static final String FORMAT = "edifact";

    public EdifactOrdersMapper(EdiReader reader, EdiMappings mappings) {
        super(FORMAT, reader, () -> mappings);
    }

    /** With the mappings still being compiled: {@code mappings} is asked at the first document. */
    public EdifactOrdersMapper(EdiReader reader, Supplier<EdiMappings> mappings) {
        super(FORMAT, reader, mappings);
    }
}
