package io.orderhub.xml;

import io.orderhub.intake.DocumentMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;

import java.util.List;
import java.util.Optional;

/**
 * The mapping of XML that {@link XmlSniffer} could not place: the document is kept as rejected, with the reason —
 * hostile or malformed XML named as such, otherwise that it is neither a UBL Order nor a cXML OrderRequest.
 */
public final class UnknownXmlMapper implements DocumentMapper {

    public static final String FORMAT = "xml";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public MappingResult map(InboundDocument document) {
        byte[] content = document.content() == null ? new byte[0] : document.content();
        Optional<Problem> unsafe = XmlSafety.check(content, false);
        Problem problem = unsafe.orElseGet(() -> new Problem("", "unknown-xml", "the XML document is neither a UBL "
                + "Order (" + XmlSniffer.UBL_ORDER_NS + ") nor a cXML OrderRequest"));
        return MappingResult.rejected(FORMAT, List.of(problem));
    }
}
