package io.orderhub.erp;

import io.orderhub.support.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ErpResponsesTest {

    final ErpResponses responses = new ErpResponses(Json.newMapper(), "/result/number");

    @Test
    void fourHundredsArePermanentButTimeoutAndTooManyRequests() {
        assertThat(ErpResponses.isPermanent(400)).isTrue();
        assertThat(ErpResponses.isPermanent(422)).isTrue();
        assertThat(ErpResponses.isPermanent(408)).isFalse();
        assertThat(ErpResponses.isPermanent(429)).isFalse();
        assertThat(ErpResponses.isPermanent(500)).isFalse();
        assertThat(ErpResponses.isPermanent(503)).isFalse();
    }

    @Test
    void orderNumberFromTheConfiguredPointerElseFromLocation() {
        assertThat(responses.orderNumber("{\"result\":{\"number\":\"4500012\"}}".getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo("4500012");
        assertThat(responses.orderNumber("{\"other\":1}".getBytes(StandardCharsets.UTF_8), "/erp/orders/SO-77/"))
                .isEqualTo("SO-77");
        assertThat(responses.orderNumber("not json".getBytes(StandardCharsets.UTF_8), null)).isNull();
    }

    @Test
    void errorMessageIsShortened() {
        assertThat(ErpResponses.message(500, "x".repeat(5000))).hasSize("HTTP 500: ".length() + 1003);
        assertThat(ErpResponses.message(503, null)).isEqualTo("HTTP 503");
    }
}
