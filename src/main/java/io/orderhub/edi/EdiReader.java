package io.orderhub.edi;

import io.xlate.edi.stream.EDIInputFactory;

/**
 * Reads EDIFACT and X12 files with StAEDI: envelopes and control numbers, transaction schemas from
 * {@link EdiSchemas}, and every structural error located by interchange, group, message, segment and element.
 * Thread-safe; one instance serves the hub.
 */
public final class EdiReader {

    private final EDIInputFactory factory;
    private final EdiSchemas schemas;

    public EdiReader(EdiSchemas schemas) {
        this.schemas = schemas;
        this.factory = EDIInputFactory.newFactory();
        // code lists of envelope elements (e.g. the directories StAEDI knows) vary by partner; structure, sizes and
        // control numbers are still validated
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
    }

    /** The structure and validation result of a whole file, without message bodies (for acknowledgements). */
    public EdiDocument read(byte[] content) {
        return new EdiStream(factory, schemas, content, false).finish();
    }

    /** Opens a file for reading message by message, with bodies (for mapping). */
    public EdiStream open(byte[] content) {
        return new EdiStream(factory, schemas, content, true);
    }

    public EdiSchemas schemas() {
        return schemas;
    }
}
