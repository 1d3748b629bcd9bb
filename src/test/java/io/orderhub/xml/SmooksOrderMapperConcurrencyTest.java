package io.orderhub.xml;

import io.orderhub.intake.DocumentMapper;
import io.orderhub.model.MappingResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One Smooks instance per mapping serves many threads: concurrent mappings give the same result as a single one. */
class SmooksOrderMapperConcurrencyTest {

    @Test
    void concurrentDocumentsDoNotShareState() throws Exception {
        byte[] ubl = XmlTestSupport.corpus("ubl_xml/phax__ph-ubl__UBL-Order-2.1-Example.xml");
        byte[] cxml = XmlTestSupport.corpus("cxml/officeluv__cxml__order_request.xml");
        MappingResult ublAlone = XmlTestSupport.UBL.map(XmlTestSupport.document("ubl-order", ubl));
        MappingResult cxmlAlone = XmlTestSupport.CXML.map(XmlTestSupport.document("cxml-order", cxml));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                boolean even = i % 2 == 0;
                results.add(pool.submit(() -> even
                        ? XmlTestSupport.UBL.map(XmlTestSupport.document("ubl-order", ubl)).equals(ublAlone)
                        : XmlTestSupport.CXML.map(XmlTestSupport.document("cxml-order", cxml)).equals(cxmlAlone)));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theMappingsDirectoryYieldsUblCxmlAndTheUnknownXmlMapping() {
        List<DocumentMapper> mappers = XmlMappers.load(XmlTestSupport.MAPPINGS);
        assertThat(mappers).extracting(DocumentMapper::format).containsExactly("ubl-order", "cxml-order", "xml");
    }
}
