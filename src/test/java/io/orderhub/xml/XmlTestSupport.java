package io.orderhub.xml;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** Corpus documents from the test class path and the mappers over the project's mappings/xml. */
final class XmlTestSupport {

    static final Path MAPPINGS = Path.of("mappings", "xml");
    static final SmooksOrderMapper UBL = new SmooksOrderMapper(XmlSniffer.UBL_ORDER,
            MAPPINGS.resolve(XmlMappers.UBL_CONFIG), false);
    static final SmooksOrderMapper CXML = new SmooksOrderMapper(XmlSniffer.CXML_ORDER,
            MAPPINGS.resolve(XmlMappers.CXML_CONFIG), true);

    private XmlTestSupport() {
    }

    static byte[] corpus(String path) {
        try (InputStream in = XmlTestSupport.class.getResourceAsStream("/corpus/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /corpus/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InboundDocument document(String format, byte[] content) {
        return new InboundDocument(UUID.randomUUID(), Instant.now(), Channel.HTTP, "test", "test", "TEST-PARTNER",
                "application/xml", format, null, content);
    }
}
