package io.orderhub.edi;

/** X12 850 purchase orders to canonical orders: the {@code x12} format. */
public final class X12PurchaseOrderMapper extends EdiOrderMapper {

    public static final String FORMAT = "x12";

    public X12PurchaseOrderMapper(EdiReader reader, EdiMappings mappings) {
        super(FORMAT, reader, mappings);
    }
}
