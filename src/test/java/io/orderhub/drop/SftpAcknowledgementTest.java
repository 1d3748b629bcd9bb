package io.orderhub.drop;

import io.orderhub.edi.AckReader;
import io.orderhub.edi.AckReader.Seg;
import io.orderhub.edi.EdiSamplesAccess;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.orderhub.drop.DropFixtures.WAIT;
import static io.orderhub.edi.AckReader.all;
import static io.orderhub.edi.AckReader.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's SFTP drop (Apache MINA SSHD in this JVM): the acknowledgement of each interchange is written to the
 * partner's outbound folder on the same server, and the partner's outbound control numbers go on counting after the
 * hub is restarted on the same database.
 */
class SftpAcknowledgementTest {

    static final String PARTNER = "EDI-SFTP";

    @TempDir
    static Path dir;
    static SftpTestServer sftp;
    static Path partners;

    @BeforeAll
    static void start() {
        sftp = SftpTestServer.create(dir).start();
        sftp.mkdirs("in/edi");
        partners = DropFixtures.writePartners(dir, """
                  - id: %s
                    name: EDI partner on SFTP
                    customers:
                      - id: "4012345000009"
                        name: ACME Retail GmbH
                    edi:
                      interchangeIds: ["4012345000009", "ACMEPO"]
                      ownId: HUB-SFTP
                      ownQualifier: ZZ
                    drop:
                %s""".formatted(PARTNER, DropFixtures.sftpDrop(sftp, "in/edi", "complete: rename", "outbound: /out")
                .indent(6).stripTrailing() + "\n"));
    }

    @AfterAll
    static void stop() {
        if (sftp != null) {
            sftp.close();
        }
    }

    static TestHub hub() {
        Map<String, String> props = DropFixtures.hubProperties(partners);
        props.put("orderhub.edi.outbox.poll-ms", "200");
        return TestHub.start(TestHub.Db.H2, dir, props);
    }

    /** Uploads as the partner does (temporary name, then rename) and waits for the answer in /out. */
    static List<Seg> uploadAndAwaitAck(String name, String content, String kind) {
        sftp.upload("in/edi/" + name + ".part", content.getBytes(StandardCharsets.UTF_8));
        sftp.rename("in/edi/" + name + ".part", "in/edi/" + name);
        Path out = sftp.file("out");
        Path[] found = new Path[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!Files.isDirectory(out)) {
                return false;
            }
            try (Stream<Path> files = Files.list(out)) {
                // the hub writes under a temporary name (.part) and renames when done: only the final name counts
                found[0] = files.filter(f -> f.getFileName().toString().startsWith(kind + "_")
                        && !f.getFileName().toString().endsWith(".part")).findFirst().orElse(null);
                return found[0] != null;
            } catch (IOException e) {
                return false;
            }
        });
        List<Seg> ack = AckReader.read(DropFixtures.read(found[0]));
        try {
            Files.delete(found[0]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ack;
    }

    @Test
    void acknowledgementsGoToTheOutboundFolderAndControlNumbersSurviveARestart() {
        String edifact = EdiSamplesAccess.edifact("4012345000009", 1, 1).replace("+1001'", "+SF1'")
                .replace("BGM+220+PO-", "BGM+220+PO-SFTP-A-");
        long first;
        try (TestHub hub = hub()) {
            List<Seg> contrl = uploadAndAwaitAck("a.edi", edifact, "CONTRL");
            assertThat(one(contrl, "UNB").el(2)).isEqualTo("HUB-SFTP:ZZ");
            assertThat(one(contrl, "UCI").el(1)).isEqualTo("SF1");
            assertThat(one(contrl, "UCI").el(4)).isEqualTo("7");
            first = Long.parseLong(one(contrl, "UNB").el(5));
            await().atMost(WAIT).until(() -> Files.exists(sftp.file("in/edi/archive/a.edi")));
        }
        String x12 = EdiSamplesAccess.x12("ACMEPO", 1, 1).replace("BEG*00*SA*PO-", "BEG*00*SA*PO-SFTP-B-");
        try (TestHub hub = hub()) {
            List<Seg> x997 = uploadAndAwaitAck("b.x12", x12, "997");
            assertThat(one(x997, "ISA").el(6).strip()).isEqualTo("HUB-SFTP");
            assertThat(one(x997, "ISA").el(8).strip()).isEqualTo("ACMEPO");
            assertThat(Long.parseLong(one(x997, "ISA").el(13))).isEqualTo(first + 1);
            assertThat(all(x997, "AK5")).extracting(s -> s.el(1)).containsExactly("A");
            assertThat(one(x997, "AK9").el(1)).isEqualTo("A");
            assertThat(Files.exists(sftp.file("out/" + "997_" + PARTNER + "_" + one(x997, "ISA").el(13) + ".x12.part"))).isFalse();
        }
    }
}
