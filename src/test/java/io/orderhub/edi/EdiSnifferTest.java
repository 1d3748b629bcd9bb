package io.orderhub.edi;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EdiSnifferTest {

    @Test
    void recognisesBothStandardsInAsciiUtf8AndEbcdic() {
        assertThat(EdiSniffer.detect("UNA:+.? 'UNB+UNOC:3+S+R+240115:1200+1'".getBytes(StandardCharsets.US_ASCII))).contains("edifact");
        assertThat(EdiSniffer.detect("\r\n  UNB+UNOA:3+S+R+240115:1200+1'".getBytes(StandardCharsets.US_ASCII))).contains("edifact");
        assertThat(EdiSniffer.detect("\uFEFFISA*00*          *00*".getBytes(StandardCharsets.UTF_8))).contains("x12");
        assertThat(EdiSniffer.detect("ISA*00*          *00*".getBytes(EdiText.CP037))).contains("x12");
        assertThat(EdiSniffer.detect("UNB+UNOA:3+S+R+240115:1200+1'".getBytes(EdiText.CP500))).contains("edifact");
        assertThat(EdiSniffer.detect(EdiFixture.corpus("x12_850/bots-edi__bots-plugins__ebcdic.x12"))).contains("x12");
    }

    @Test
    void otherContentIsNotEdi() {
        assertThat(EdiSniffer.detect("{\"order\":1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EdiSniffer.detect("<Order/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EdiSniffer.detect(new byte[0])).isEmpty();
        assertThat(EdiSniffer.detect(null)).isEmpty();
    }
}
