package io.orderhub.drop;

import io.orderhub.intake.FileFormats;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FileFormatsTest {

    final FileFormats formats = new FileFormats();

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonObjectIsCanonicalJsonWhateverTheName() {
        assertThat(formats.format("order.txt", bytes("  \n{\"poNumber\": \"1\"}"))).isEqualTo("canonical-json");
        assertThat(formats.format("ORDER", bytes("\uFEFF{}"))).isEqualTo("canonical-json");
    }

    @Test
    void fileNamedJsonIsCanonicalJsonEvenWhenBrokenSoTheMapperNamesTheProblem() {
        assertThat(formats.format("order.JSON", bytes("not json"))).isEqualTo("canonical-json");
        assertThat(formats.format("empty.json", new byte[0])).isEqualTo("canonical-json");
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(formats.format("order.txt", bytes("please send 5 widgets"))).isEqualTo(FileFormats.UNKNOWN);
        assertThat(formats.format("noext", new byte[0])).isEqualTo(FileFormats.UNKNOWN);
        assertThat(formats.format("list.json.bak", bytes("[1]"))).isEqualTo(FileFormats.UNKNOWN);
    }

    @Test
    void contentTypeFollowsTheFormatThenTheName() {
        assertThat(formats.contentType("x.txt", "canonical-json")).isEqualTo("application/json");
        assertThat(formats.contentType("x.edi", "edifact")).isEqualTo("application/EDIFACT");
        assertThat(formats.contentType("x.x12", FileFormats.UNKNOWN)).isEqualTo("application/EDI-X12");
        assertThat(formats.contentType("x.CSV", FileFormats.UNKNOWN)).isEqualTo("text/csv");
        assertThat(formats.contentType("x", FileFormats.UNKNOWN)).isEqualTo("application/octet-stream");
    }
}
