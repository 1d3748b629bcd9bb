package io.orderhub.api;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    @Test
    void keysMapToTheirClientsInPlainOrHashedForm() {
        String hashed = HexFormat.of().formatHex(ApiKeys.sha256("s3cret"));
        ApiKeys keys = new ApiKeys("shop=k1, erp-bridge=sha256:" + hashed);
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.clientFor("k1")).contains("shop");
        assertThat(keys.clientFor("s3cret")).contains("erp-bridge");
        assertThat(keys.clientFor("sha256:" + hashed)).isEmpty();
        assertThat(keys.clientFor("k2")).isEmpty();
        assertThat(keys.clientFor(null)).isEmpty();
        assertThat(keys.clientFor("")).isEmpty();
    }

    @Test
    void noKeysConfiguredAcceptsNothing() {
        assertThat(new ApiKeys("").clientFor("demo")).isEmpty();
    }

    @Test
    void malformedEntryNamesTheClientButNotTheKey() {
        assertThatThrownBy(() -> new ApiKeys("good=a,broken"))
                .hasMessageContaining("broken").hasMessageContaining("client=key");
        assertThatThrownBy(() -> new ApiKeys("shop="))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
