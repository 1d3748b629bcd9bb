package io.orderhub.support;

import io.orderhub.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit on a real H2 file: everything submitted is committed, and a failing unit fails alone. */
class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void concurrentSubmissionsAreAllCommittedAndShareTransactions() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            t.db().inTransaction(c -> c.createStatement().execute("create table gc_test (n integer primary key, tx bigint)"));
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 50, 1000, 10_000);
            try {
                ExecutorService pool = Executors.newFixedThreadPool(16);
                List<Callable<Integer>> tasks = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    int n = i;
                    tasks.add(() -> commits.submit(c -> {
                        try (PreparedStatement ps = c.prepareStatement(
                                "insert into gc_test (n, tx) values (?, 0)")) {
                            ps.setInt(1, n);
                            return ps.executeUpdate();
                        }
                    }));
                }
                for (Future<Integer> f : pool.invokeAll(tasks)) {
                    assertThat(f.get()).isEqualTo(1);
                }
                pool.shutdown();
                // 16 callers and one writer: while one commit runs the others queue up and share the next
                assertThat(commits.sharedTransactions()).isPositive();
                assertThat(commits.sharedUnits()).isGreaterThan(commits.sharedTransactions());
            } finally {
                commits.close();
            }
            long rows = count(t, "select count(*) from gc_test");
            assertThat(rows).isEqualTo(400);
        }
    }

    @Test
    void aFailingUnitFailsAloneAndItsNeighboursAreCommitted() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            t.db().inTransaction(c -> c.createStatement().execute("create table gc_test (n integer primary key)"));
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 50, 1000, 10_000);
            try {
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Future<Object>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    results.add(pool.submit(() -> commits.submit(c -> {
                        if (n == 13) {
                            throw new SQLException("unit 13 is broken");
                        }
                        try (PreparedStatement ps = c.prepareStatement("insert into gc_test (n) values (?)")) {
                            ps.setInt(1, n);
                            return ps.executeUpdate();
                        }
                    })));
                }
                int failed = 0;
                for (Future<Object> f : results) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        failed++;
                        assertThat(e.getCause()).hasMessageContaining("unit 13 is broken");
                    }
                }
                pool.shutdown();
                assertThat(failed).isEqualTo(1);
            } finally {
                commits.close();
            }
            assertThat(count(t, "select count(*) from gc_test")).isEqualTo(39);
        }
    }

    @Test
    void underLoadTheWriterWaitsForTheNextUnitInsteadOfCommittingOneAlone() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            // batches of up to 3 units; under load a writer waits up to 5 s for a batch to fill
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 3, 1000, 10_000, 5_000_000);
            java.util.concurrent.CountDownLatch writerBusy = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            try {
                var blocker = commits.submitAsync(c -> holdWriter(writerBusy, release));
                assertThat(writerBusy.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                // two units queue up behind the unit holding the writer: the next transaction holds both, which is
                // what load looks like to the writer
                var queuedA = commits.submitAsync(c -> 1);
                var queuedB = commits.submitAsync(c -> 2);
                release.countDown();
                assertThat(queuedA.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(queuedB.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
                assertThat(blocker.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
                assertThat(commits.sharedTransactions()).isEqualTo(1);
                assertThat(commits.sharedUnits()).isEqualTo(2);

                // the next unit arrives alone; without the linger it would be committed alone at once
                long t0 = System.nanoTime();
                var first = commits.submitAsync(c -> 3);
                Thread.sleep(300);
                var second = commits.submitAsync(c -> 4);
                var third = commits.submitAsync(c -> 5);
                assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
                assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4);
                assertThat(third.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(5);
                // one transaction held all three, committed when the batch was full, not when the 5 s ran out
                assertThat(commits.sharedTransactions()).isEqualTo(2);
                assertThat(commits.sharedUnits()).isEqualTo(5);
                assertThat(System.nanoTime() - t0).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(4));
            } finally {
                release.countDown();
                commits.close();
            }
        }
    }

    @Test
    void aBatchThatAlreadyHoldsEnoughUnitsIsCommittedWithoutLingering() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            // batches of up to 50 units, a 5 s linger under load, but only while a batch holds fewer than 2 units
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 50, 1000, 10_000, 5_000_000, 2);
            var firstBusy = new java.util.concurrent.CountDownLatch(1);
            var firstRelease = new java.util.concurrent.CountDownLatch(1);
            var secondBusy = new java.util.concurrent.CountDownLatch(1);
            var secondRelease = new java.util.concurrent.CountDownLatch(1);
            try {
                var first = commits.submitAsync(c -> holdWriter(firstBusy, firstRelease));
                assertThat(firstBusy.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                // the next transaction: a unit that holds the writer again, and one more
                var second = commits.submitAsync(c -> holdWriter(secondBusy, secondRelease));
                var a = commits.submitAsync(c -> 1);
                firstRelease.countDown();
                assertThat(secondBusy.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                // while it runs, two units queue up: the writer is under load (its last batch held two units) and
                // their batch holds two, as many as the linger waits for, so it is committed at once
                var b = commits.submitAsync(c -> 2);
                var c3 = commits.submitAsync(c -> 3);
                long t0 = System.nanoTime();
                secondRelease.countDown();
                assertThat(b.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
                assertThat(c3.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
                assertThat(System.nanoTime() - t0).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(4));
                assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
                assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
                assertThat(a.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(commits.sharedTransactions()).isEqualTo(2);
                assertThat(commits.sharedUnits()).isEqualTo(4);
            } finally {
                firstRelease.countDown();
                secondRelease.countDown();
                commits.close();
            }
        }
    }

    @Test
    void aLoneUnitAfterAQuietSpellIsNotHeldBackByTheLinger() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 50, 1000, 10_000, 5_000_000);
            try {
                long t0 = System.nanoTime();
                assertThat(commits.<Integer>submit(c -> 1)).isEqualTo(1);
                assertThat(commits.<Integer>submit(c -> 2)).isEqualTo(2);
                // a 5 s linger would show; the previous transaction held one unit, so neither waited
                assertThat(System.nanoTime() - t0).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(4));
            } finally {
                commits.close();
            }
        }
    }

    @Test
    void anAsyncUnitCompletesAfterItsCommitOnTheCallbackThreadNotTheWriter() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            t.db().inTransaction(c -> c.createStatement().execute("create table gc_test (n integer primary key)"));
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 50, 1000, 10_000);
            try {
                java.util.concurrent.CountDownLatch chained = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.CompletableFuture<String> seen = commits.submitAsync(c -> {
                    try (PreparedStatement ps = c.prepareStatement("insert into gc_test (n) values (7)")) {
                        ps.executeUpdate();
                    }
                    try {
                        chained.await(); // the caller's stage is attached before this unit can complete
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Thread.currentThread().getName();
                }).thenApply(writer -> writer + " then " + Thread.currentThread().getName()
                        + " saw " + count(t, "select count(*) from gc_test where n = 7"));
                chained.countDown();
                // the work ran on the writer; what the caller chained ran on the callback thread, after the commit
                assertThat(seen.get(10, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo("gc-writer-0 then gc-callbacks saw 1");
                java.util.concurrent.CompletableFuture<Integer> failing = commits.submitAsync(c -> {
                    c.createStatement().execute("insert into gc_test (n) values (7)");
                    return 1;
                });
                assertThatThrownBy(() -> failing.get(10, java.util.concurrent.TimeUnit.SECONDS))
                        .hasCauseInstanceOf(RuntimeException.class);
            } finally {
                commits.close();
            }
        }
    }

    @Test
    void aUnitWhoseCallerWaitsGoesBeforeQueuedAsyncUnits() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            // one unit per transaction, so the order of the writer's work is the order units are taken
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 1, 1000, 10_000);
            List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.CountDownLatch writerBusy = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> blocker = callers.submit(() -> commits.submit(c -> {
                    int held = holdWriter(writerBusy, release);
                    order.add("blocker");
                    return held;
                }));
                assertThat(writerBusy.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                List<java.util.concurrent.CompletableFuture<Integer>> background = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    int n = i;
                    background.add(commits.submitAsync(c -> {
                        order.add("async-" + n);
                        return n;
                    }));
                }
                Future<Integer> waiting = callers.submit(() -> commits.submit(c -> {
                    order.add("waiting");
                    return 9;
                }));
                while (commits.queued() < 6) {
                    Thread.sleep(5);
                }
                release.countDown();
                assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(9);
                assertThat(blocker.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
                for (var f : background) {
                    f.get(10, java.util.concurrent.TimeUnit.SECONDS);
                }
                // queued last, taken first after the unit that held the writer; the async units keep their order
                assertThat(order).containsExactly("blocker", "waiting", "async-1", "async-2", "async-3", "async-4",
                        "async-5");
            } finally {
                release.countDown();
                callers.shutdown();
                commits.close();
            }
        }
    }

    @Test
    void noSubmissionsAfterClose() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 50, 1000, 10_000);
            commits.close();
            assertThatThrownBy(() -> commits.submit(c -> 1)).hasMessageContaining("shutting down");
        }
    }

    /** A unit's body that keeps the writer inside its transaction: says so on {@code busy}, waits for {@code release}. */
    private static int holdWriter(java.util.concurrent.CountDownLatch busy, java.util.concurrent.CountDownLatch release) {
        busy.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static long count(TestDatabase t, String sql) {
        return t.db().read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
