package io.orderhub.csv;

import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerCsv;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV is chosen only for a sender with a CSV layout and content that looks like a table. */
class CsvSnifferTest {

    static final Partner WITH_LAYOUT = new Partner("P", "P", 5, 24.0, List.of(), List.of(), true, null, null, null,
            null, null, null, new PartnerCsv("x.csv.yaml"));
    static final Partner WITHOUT_LAYOUT = new Partner("Q", "Q", 5, 24.0, List.of(), List.of(), true, null, null,
            null, null, null, null, null);

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tableFromAPartnerWithLayoutIsCsv() {
        assertThat(CsvSniffer.detect(WITH_LAYOUT, b("PO;Date;Qty\n1;2026-01-01;3\n"))).contains("csv-order");
        assertThat(CsvSniffer.detect(WITH_LAYOUT, b("\uFEFFa,b,\"c,d\"\n1,2,3\n"))).contains("csv-order");
        assertThat(CsvSniffer.detect(WITH_LAYOUT, b("a\tb\n1\t2\n"))).contains("csv-order");
    }

    @Test
    void sameTableFromAPartnerWithoutLayoutIsNot() {
        assertThat(CsvSniffer.detect(WITHOUT_LAYOUT, b("PO;Date;Qty\n1;2026-01-01;3\n"))).isEmpty();
        assertThat(CsvSniffer.detect(null, b("PO;Date;Qty\n1;2026-01-01;3\n"))).isEmpty();
    }

    @Test
    void otherFormatsAndRaggedTextAreNotCsv() {
        assertThat(CsvSniffer.looksLikeCsv(b("<?xml version=\"1.0\"?><a>1,2</a>"))).isFalse();
        assertThat(CsvSniffer.looksLikeCsv(b("{\"a\": 1, \"b\": 2}"))).isFalse();
        assertThat(CsvSniffer.looksLikeCsv(b("UNA:+.? 'UNB+UNOC:3+X+Y'"))).isFalse();
        assertThat(CsvSniffer.looksLikeCsv(b("%PDF-1.7 1,2,3"))).isFalse();
        assertThat(CsvSniffer.looksLikeCsv(b("Dear sales team,\nplease send 3 boxes.\nThanks\n"))).isFalse();
        assertThat(CsvSniffer.looksLikeCsv(new byte[]{'a', ',', 0, ','})).isFalse();
        assertThat(CsvSniffer.looksLikeCsv(new byte[0])).isFalse();
    }
}
