package io.orderhub.mail;

import io.orderhub.intake.CanonicalJsonMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.intake.Mappers;
import io.orderhub.mail.MailFixtures.Attachment;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.Channel;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;
import io.orderhub.support.Json;
import io.orderhub.xml.XmlMappers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.orderhub.mail.MailFixtures.mail;
import static io.orderhub.mail.MailFixtures.messageId;
import static io.orderhub.mail.MailFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/** The mail mapper on its own, with the real canonical JSON mapper behind it. */
class MailMapperTest {

    @TempDir
    Path dir;
    MailSenders senders;

    @BeforeEach
    void partners() {
        senders = MailSenders.fromPartnerFile(MailFixtures.writePartners(dir,
                MailFixtures.partner("ACME", "senders: [\"@acme.example\", \"boss@other.example\"]\nbodyTemplate: acme-text"),
                MailFixtures.partner("OTHER", "senders: [\"@other.example\"]"),
                MailFixtures.partner("STRICT", "senders: [\"@strict.example\"]\nrequireDmarc: true")));
    }

    private MappingResult map(byte[] raw, String senderHint, BodyTemplates templates) {
        AtomicReference<Mappers> all = new AtomicReference<>();
        MailMapper mapper = new MailMapper(all::get, senders, new MailLimits(50_000L, 5, 200_000L, 3), templates);
        List<io.orderhub.intake.DocumentMapper> list = new java.util.ArrayList<>(List.of(mapper,
                new CanonicalJsonMapper(Json.newMapper(), Path.of("mappings/canonical-order.schema.json"))));
        list.addAll(XmlMappers.load(Path.of("mappings/xml")));
        all.set(new Mappers(list));
        return all.get().map(new InboundDocument(UUID.randomUUID(), Instant.now(), Channel.MAIL, "test", "mailbox:t",
                senderHint, "message/rfc822", MailMapper.FORMAT, "k", raw));
    }

    @Test
    void exactAddressesWinOverDomains() {
        assertThat(senders.partnerFor("boss@other.example")).get().extracting(p -> p.id()).isEqualTo("ACME");
        assertThat(senders.partnerFor("clerk@other.example")).get().extracting(p -> p.id()).isEqualTo("OTHER");
        assertThat(senders.partnerFor("Clerk@ACME.example")).get().extracting(p -> p.id()).isEqualTo("ACME");
        assertThat(senders.partnerFor("x@acme.example.evil")).isEmpty();
    }

    @Test
    void ordersFromAllAttachmentsAreRenumberedWithTheAttachmentInTheirProvenance() {
        MappingResult r = map(mail("a@acme.example", "hub@x", "s", messageId(), "",
                new Attachment("a.json", "application/json", order("P1")),
                new Attachment("logo.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2}),
                new Attachment("b.json", "application/json", order("P2"))), null, BodyTemplates.NONE);

        assertThat(r.orders()).extracting(MappedOrder::index).containsExactly(0, 1);
        assertThat(r.orders()).extracting(m -> m.order().sender()).containsOnly("ACME");
        assertThat(r.orders().get(1).provenance().get("/poNumber").locator())
                .isEqualTo("attachment 3 'b.json': /poNumber");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("attachment 2 'logo.png'");
            assertThat(p.code()).isEqualTo("needs-review");
            assertThat(p.message()).startsWith("unreadable attachment");
        });
    }

    @Test
    void anUnknownSenderMarksEveryOrderForReview() {
        MappingResult r = map(mail("x@nowhere.example", "hub@x", "s", messageId(), "",
                new Attachment("a.json", "application/json", order("P1"))), "FALLBACK", BodyTemplates.NONE);

        assertThat(r.orders()).singleElement().satisfies(o -> {
            assertThat(o.order().sender()).isEqualTo("FALLBACK");
            assertThat(o.problems()).extracting(Problem::code).contains("unknown-sender");
            assertThat(o.problems().get(0).message()).contains("x@nowhere.example").contains("FALLBACK");
        });
    }

    @Test
    void aPartnerThatRequiresDmarcTrustsOnlyTheTopmostAuthenticationResults() {
        byte[] plain = mail("a@strict.example", "hub@x", "s", messageId(), "",
                new Attachment("a.json", "application/json", order("P1")));
        String forgedBelow = "Authentication-Results: mx.hub.example; dmarc=fail header.from=strict.example\r\n"
                + "Authentication-Results: evil.example; dmarc=pass\r\n";
        String passed = "Authentication-Results: mx.hub.example; dkim=pass header.d=strict.example; spf=pass\r\n";

        assertThat(map(plain, null, BodyTemplates.NONE).orders().get(0).problems()).extracting(Problem::code)
                .containsExactly("sender-not-authenticated");
        assertThat(map(prepend(forgedBelow, plain), null, BodyTemplates.NONE).orders().get(0).problems())
                .extracting(Problem::code).containsExactly("sender-not-authenticated");
        MappingResult ok = map(prepend(passed, plain), null, BodyTemplates.NONE);
        assertThat(ok.orders().get(0).problems()).isEmpty();
        assertThat(ok.orders().get(0).order().sender()).isEqualTo("STRICT");
    }

    private static byte[] prepend(String headers, byte[] raw) {
        byte[] h = headers.getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(h, h.length + raw.length);
        System.arraycopy(raw, 0, out, h.length, raw.length);
        return out;
    }

    @Test
    void aUblAttachmentGoesToTheUblMappingAndHostileXmlIsKeptWithItsReason() throws java.io.IOException {
        byte[] ubl = java.nio.file.Files.readAllBytes(
                Path.of("src/test/resources/corpus/ubl_xml/phax__ph-ubl__UBL-Order-2.1-Example.xml"));
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>")
                .getBytes(StandardCharsets.UTF_8);
        MappingResult r = map(mail("a@acme.example", "hub@x", "s", messageId(), "",
                new Attachment("order.xml", "application/xml", ubl),
                new Attachment("evil.xml", "text/xml", xxe)), null, BodyTemplates.NONE);

        assertThat(r.orders()).as(r.problems().toString()).isNotEmpty();
        assertThat(r.orders().get(0).provenance().values()).isNotEmpty()
                .allSatisfy(ref -> assertThat(ref.locator()).startsWith("attachment 1 'order.xml': "));
        assertThat(r.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.path()).startsWith("attachment 2 'evil.xml'"));
    }

    @Test
    void aForwardedMailIsReadWithItsAttachmentsNamedThroughIt() {
        byte[] inner = mail("a@acme.example", "b@x", "orig", messageId(), "",
                new Attachment("po.json", "application/json", order("P9")));
        MappingResult r = map(mail("a@acme.example", "hub@x", "FW: orig", messageId(), "see below",
                new Attachment("orig.eml", "message/rfc822", inner)), null, BodyTemplates.NONE);

        assertThat(r.orders()).singleElement().satisfies(o -> assertThat(o.provenance().get("/poNumber").locator())
                .isEqualTo("attachment 1 'orig.eml': attachment 1 'po.json': /poNumber"));
    }

    @Test
    void anAttachmentOverTheLimitIsAProblemNotAFailure() {
        MappingResult r = map(mail("a@acme.example", "hub@x", "s", messageId(), "",
                new Attachment("big.json", "application/json", new byte[60_000])), null, BodyTemplates.NONE);

        assertThat(r.rejected()).isTrue();
        assertThat(r.problems()).extracting(Problem::code).containsExactly("attachment-too-large");
    }

    @Test
    void aBodyOnlyMailUsesThePartnersBodyTemplateWhenThereIsOne() {
        byte[] raw = mail("a@acme.example", "hub@x", "s", messageId(), "PO 77: 5 x A-100");
        assertThat(map(raw, null, BodyTemplates.NONE).problems()).extracting(Problem::path).containsExactly("body");

        BodyTemplates templates = (template, partner, text) -> {
            assertThat(template).isEqualTo("acme-text");
            assertThat(text).contains("PO 77");
            CanonicalOrder o = canonical(partner, "77");
            return Optional.of(new MappingResult("acme-text", List.of(new MappedOrder(0, o,
                    Map.of("/poNumber", new SourceRef("text", "line 1", 1.0)))), List.of()));
        };
        MappingResult r = map(raw, null, templates);
        assertThat(r.orders()).singleElement()
                .satisfies(o -> assertThat(o.provenance().get("/poNumber").locator()).isEqualTo("body: line 1"));
    }

    private static CanonicalOrder canonical(String sender, String po) {
        try {
            return Json.newMapper().readValue("{\"sender\": \"" + sender + "\", \"poNumber\": \"" + po + "\"}",
                    CanonicalOrder.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void garbageIsARejectedMailNotAnException() {
        MappingResult r = map("\u0000\u0001 not a mail".getBytes(StandardCharsets.ISO_8859_1), null, BodyTemplates.NONE);
        assertThat(r.rejected()).isTrue();
        assertThat(r.problems()).isNotEmpty();
    }
}
