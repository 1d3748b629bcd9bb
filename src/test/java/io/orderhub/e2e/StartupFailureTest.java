package io.orderhub.e2e;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The EDI mappings are compiled on a start thread beside the main one (io.orderhub.support.StartupTasks) and waited
 * for when the context starts: a partner naming a mapping that is not there must still stop the start, with the
 * message naming partner and file.
 */
class StartupFailureTest {

    @TempDir
    Path dir;

    @Test
    void aPartnerNamingAMissingEdiMappingStopsTheStart() throws IOException {
        Path partners = dir.resolve("partners.yaml");
        Files.writeString(partners, """
                partners:
                  - id: BROKEN-EDI
                    name: Partner with a mapping that is not there
                    customers:
                      - id: "4012345000009"
                        name: ACME Retail GmbH
                    edi:
                      interchangeIds: ["4099999000099"]
                      edifactMapping: edi/partners/not-there.edifact.smooks.xml
                """);
        assertThatThrownBy(() -> TestHub.start(TestHub.Db.H2, dir, Map.of("orderhub.partners.file", partners.toString())))
                .hasStackTraceContaining("Partner BROKEN-EDI names EDI mapping edi/partners/not-there.edifact.smooks.xml");
    }
}
