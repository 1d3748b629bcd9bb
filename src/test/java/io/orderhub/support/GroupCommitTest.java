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
    void lingerUnderLoadGathersEveryWaitingCallerIntoOneTransaction() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            t.db().inTransaction(c -> c.createStatement().execute("create table gc_test (n integer primary key)"));
            // 8 callers in a closed loop (each submits its next unit when the last one is committed); with a 50 ms
            // linger every one of them is back long before the writer gives up waiting, so the batches are full
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 8, 1000, 10_000, 50_000);
            try {
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Future<Integer>> callers = new ArrayList<>();
                for (int caller = 0; caller < 8; caller++) {
                    int base = caller * 1000;
                    callers.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            int n = base + i;
                            commits.submit(c -> {
                                try (PreparedStatement ps = c.prepareStatement("insert into gc_test (n) values (?)")) {
                                    ps.setInt(1, n);
                                    return ps.executeUpdate();
                                }
                            });
                        }
                        return 20;
                    }));
                }
                for (Future<Integer> f : callers) {
                    assertThat(f.get()).isEqualTo(20);
                }
                pool.shutdown();
                assertThat(commits.sharedUnits()).isGreaterThanOrEqualTo(7 * commits.sharedTransactions());
            } finally {
                commits.close();
            }
            assertThat(count(t, "select count(*) from gc_test")).isEqualTo(160);
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
    void noSubmissionsAfterClose() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            GroupCommit commits = new GroupCommit(t.db(), "gc", 1, 50, 1000, 10_000);
            commits.close();
            assertThatThrownBy(() -> commits.submit(c -> 1)).hasMessageContaining("shutting down");
        }
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
