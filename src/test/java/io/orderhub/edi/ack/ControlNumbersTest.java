package io.orderhub.edi.ack;

import io.orderhub.support.Database;
import io.orderhub.testing.Postgres;
import io.orderhub.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Outbound control numbers: per partner, counting on across a reopened database, never twice under concurrency. */
class ControlNumbersTest {

    @TempDir
    Path dir;

    @Test
    void countingGoesOnAfterTheDatabaseIsReopened() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            ControlNumbers numbers = new ControlNumbers(t.db());
            assertThat(numbers.next("ACME", 1)).isEqualTo(new ControlNumbers.Allocation(1, 1, 1, 1));
            assertThat(numbers.next("ACME", 3)).isEqualTo(new ControlNumbers.Allocation(2, 2, 2, 3));
            assertThat(numbers.next("OTHER", 1).interchange()).isEqualTo(1);
        }
        try (TestDatabase t = TestDatabase.h2(dir)) {
            ControlNumbers.Allocation a = new ControlNumbers(t.db()).next("ACME", 2);
            assertThat(a).isEqualTo(new ControlNumbers.Allocation(3, 3, 5, 2));
            assertThat(a.message(1)).isEqualTo(6);
        }
    }

    @Test
    void formats() {
        assertThat(ControlNumbers.isa13(42)).isEqualTo("000000042");
        assertThat(ControlNumbers.isa13(999_999_999L)).isEqualTo("999999999");
        assertThat(ControlNumbers.isa13(1_000_000_000L)).isEqualTo("000000001");
        assertThat(ControlNumbers.digits(7, 4)).isEqualTo("0007");
        assertThat(ControlNumbers.digits(123456, 4)).isEqualTo("123456");
    }

    /** Two hub instances (two connection pools) on one PostgreSQL schema, four threads each, one partner. */
    @Test
    void twoInstancesOnPostgresNeverHandOutTheSameNumber() throws Exception {
        Postgres.assumeAvailable();
        String schema = Postgres.createSchema("oh_ctl");
        try (Database one = new Database(Postgres.urlFor(schema), Postgres.USER, "", 4);
             Database two = new Database(Postgres.urlFor(schema), Postgres.USER, "", 4)) {
            one.migrate();
            List<ControlNumbers> allocators = List.of(new ControlNumbers(one), new ControlNumbers(two));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<ControlNumbers.Allocation>>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    ControlNumbers allocator = allocators.get(t % 2);
                    int messages = 1 + t % 3;
                    Callable<List<ControlNumbers.Allocation>> work = () -> {
                        List<ControlNumbers.Allocation> got = new ArrayList<>();
                        for (int i = 0; i < 50; i++) {
                            got.add(allocator.next("PARTNER", messages));
                        }
                        return got;
                    };
                    futures.add(pool.submit(work));
                }
                Set<Long> interchanges = new HashSet<>();
                Set<Long> messageNumbers = new HashSet<>();
                int total = 0;
                for (Future<List<ControlNumbers.Allocation>> f : futures) {
                    for (ControlNumbers.Allocation a : f.get()) {
                        assertThat(interchanges.add(a.interchange())).as("interchange %d twice", a.interchange()).isTrue();
                        for (int m = 0; m < a.messages(); m++) {
                            assertThat(messageNumbers.add(a.message(m))).as("message %d twice", a.message(m)).isTrue();
                        }
                        total++;
                    }
                }
                assertThat(total).isEqualTo(400);
                assertThat(interchanges).hasSize(400).allMatch(n -> n >= 1 && n <= 400);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            Postgres.dropSchema(schema);
        }
    }
}
