package io.orderhub.edi;

import java.util.function.Supplier;

/** X12 850 purchase orders to canonical orders: the {@code x12} format. */
public final class X12PurchaseOrderMapper extends EdiOrderMapper {

    public static final String FORMAT = "x12";

    public X12PurchaseOrderMapper(EdiReader reader, EdiMappings mappings) {
        super(FORMAT, reader, () -> mappings);
    }

    /** With the mappings still being compiled: {@code mappings} is asked at the first document. */
    public X12PurchaseOrderMapper(EdiReader reader, Supplier<EdiMappings> mappings) {
        super(FORMAT, reader, mappings);
    }
}
