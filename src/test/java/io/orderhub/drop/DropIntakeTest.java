package io.orderhub.drop;

import io.orderhub.intake.DropIntake;
import io.orderhub.intake.FileFormats;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Channel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class DropIntakeTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    final DropIntake intake = new DropIntake(new FileFormats(), Clock.fixed(NOW, ZoneOffset.UTC));

    InboundDocument document(String name, String content) {
        return intake.document(content.getBytes(StandardCharsets.UTF_8), name, "ACME-EDI", Channel.SFTP,
                "sftp://hub@sftp.acme.example:22/out");
    }

    @Test
    void aFileBecomesADocumentOfItsPartnersDrop() {
        InboundDocument doc = document("po-1.json", "{\"poNumber\": \"1\"}");

        assertThat(doc.channel()).isEqualTo(Channel.SFTP);
        assertThat(doc.source()).isEqualTo("sftp://hub@sftp.acme.example:22/out/po-1.json");
        assertThat(doc.client()).isEqualTo("drop:ACME-EDI");
        assertThat(doc.senderHint()).isEqualTo("ACME-EDI");
        assertThat(doc.format()).isEqualTo("canonical-json");
        assertThat(doc.contentType()).isEqualTo("application/json");
        assertThat(doc.receivedAt()).isEqualTo(NOW);
        assertThat(doc.idempotencyKey()).matches("po-1\\.json:[0-9a-f]{64}");
    }

    @Test
    void idempotencyKeyIsTheNameAndTheChecksumOfTheContent() throws Exception {
        String key = document("po-1.json", "A").idempotencyKey();
        String sha256OfA = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("A".getBytes(StandardCharsets.UTF_8)));

        assertThat(key).isEqualTo("po-1.json:" + sha256OfA);
        assertThat(document("po-1.json", "A").idempotencyKey()).isEqualTo(key);
        assertThat(document("po-1.json", "B").idempotencyKey()).isNotEqualTo(key);
        assertThat(document("po-2.json", "A").idempotencyKey()).isNotEqualTo(key);
    }

    @Test
    void aLongNameIsCutSoTheKeyFitsItsColumnAndKeepsTheChecksum() {
        String key = document("x".repeat(300) + ".json", "A").idempotencyKey();

        assertThat(key).hasSize(200).startsWith("xxx").matches(".*:[0-9a-f]{64}");
    }

    @Test
    void aFileOfNoKnownFormatIsMarkedUnknownForThePipelineToReject() {
        InboundDocument doc = document("order.bin", "GIF89a not an order");

        assertThat(doc.format()).isEqualTo(FileFormats.UNKNOWN);
        assertThat(doc.contentType()).isEqualTo("application/octet-stream");
    }
}
