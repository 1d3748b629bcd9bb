package io.orderhub.edi;

/** EDIFACT ORDERS to canonical orders: the {@code edifact} format. */
public final class EdifactOrdersMapper extends EdiOrderMapper {

    public static final String FORMAT = "edifact";

    public EdifactOrdersMapper(EdiReader reader, EdiMappings mappings) {
        super(FORMAT, reader, mappings);
    }
}
