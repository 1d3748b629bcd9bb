package io.orderhub.xml;

import io.orderhub.intake.DocumentMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The XML order mappings of {@code mappings/xml/}: UBL Order and cXML OrderRequest, each from its Smooks config, and
 * the mapping {@code xml} that keeps any other XML as a rejected document with its reason.
 */
public final class XmlMappers {

    public static final String UBL_CONFIG = "ubl-order.smooks.xml";
    public static final String CXML_CONFIG = "cxml-order-request.smooks.xml";

    private XmlMappers() {
    }

    /** The mappers whose config exists in this directory. */
    public static List<DocumentMapper> load(Path dir) {
        List<DocumentMapper> mappers = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(UBL_CONFIG))) {
            mappers.add(new SmooksOrderMapper(XmlSniffer.UBL_ORDER, dir.resolve(UBL_CONFIG), false));
        }
        if (Files.isRegularFile(dir.resolve(CXML_CONFIG))) {
            mappers.add(new SmooksOrderMapper(XmlSniffer.CXML_ORDER, dir.resolve(CXML_CONFIG), true));
        }
        mappers.add(new UnknownXmlMapper());
        return mappers;
    }
}
