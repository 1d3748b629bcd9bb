package io.orderhub.erp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErpSimulatorTest {

    static final byte[] ORDER = "{}".getBytes();

    @Test
    void booksOncePerIdempotencyKeyAndCountsRepeats() {
        ErpSimulator erp = new ErpSimulator("SO-");
        ErpSimulator.Answer first = erp.receive("k1", ORDER);
        ErpSimulator.Answer again = erp.receive("k1", ORDER);
        ErpSimulator.Answer other = erp.receive("k2", ORDER);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.erpOrderNumber()).isEqualTo(first.erpOrderNumber());
        assertThat(other.erpOrderNumber()).isNotEqualTo(first.erpOrderNumber());
        assertThat(erp.requestsFor("k1")).isEqualTo(2);
        assertThat(erp.bookings()).isEqualTo(2);
    }

    @Test
    void orderNumbersArePaddedToEightDigitsAndGrowBeyond() {
        assertThat(new ErpSimulator("SO-").receive("k1", ORDER).erpOrderNumber()).isEqualTo("SO-00000001");
        assertThat(ErpSimulator.number("SO-", 42)).isEqualTo("SO-00000042");
        assertThat(ErpSimulator.number("X", 12345678)).isEqualTo("X12345678");
        assertThat(ErpSimulator.number("X", 123456789)).isEqualTo("X123456789");
    }

    @Test
    void failNextFailsExactlyThatManyRequestsThenAccepts() {
        ErpSimulator erp = new ErpSimulator("SO-");
        erp.failNext(2);
        assertThat(erp.receive("k", ORDER).status()).isEqualTo(503);
        assertThat(erp.receive("k", ORDER).status()).isEqualTo(503);
        assertThat(erp.receive("k", ORDER).status()).isEqualTo(201);
    }

    @Test
    void modesRejectOrFailAndMissingKeyIsABadRequest() {
        ErpSimulator erp = new ErpSimulator("SO-");
        erp.mode(ErpSimulator.Mode.REJECT);
        assertThat(erp.receive("k", ORDER).status()).isEqualTo(422);
        erp.mode(ErpSimulator.Mode.FAIL);
        assertThat(erp.receive("k", ORDER).status()).isEqualTo(503);
        erp.reset();
        assertThat(erp.receive(null, ORDER).status()).isEqualTo(400);
        assertThat(erp.bookings()).isZero();
    }

    @Test
    void remembersTheNewestKeysOnlyAndBooksAForgottenKeyAgain() {
        ErpSimulator erp = new ErpSimulator("SO-", 3);
        String first = erp.receive("k1", ORDER).erpOrderNumber();
        String second = erp.receive("k2", ORDER).erpOrderNumber();
        erp.receive("k3", ORDER);
        // a repeat neither adds a booking nor refreshes its age
        assertThat(erp.receive("k1", ORDER).erpOrderNumber()).isEqualTo(first);
        erp.receive("k4", ORDER);

        assertThat(erp.bookings()).isEqualTo(3);
        assertThat(erp.forgotten()).isEqualTo(1);
        assertThat(erp.requestsFor("k1")).isZero();
        assertThat(erp.receive("k2", ORDER).erpOrderNumber()).isEqualTo(second);
        assertThat(erp.receive("k1", ORDER).erpOrderNumber()).isNotEqualTo(first);
        assertThat(erp.forgotten()).isEqualTo(2);
        assertThat(erp.bookingsByKey()).containsOnlyKeys("k3", "k4", "k1");
    }
}
