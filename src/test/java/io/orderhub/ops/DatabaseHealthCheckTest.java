package io.orderhub.ops;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.health.HealthCheck;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DatabaseHealthCheckTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    static JdbcDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return ds;
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void upWhenTheValidationQueryAnswers() {
        DatabaseHealthCheck check = new DatabaseHealthCheck(h2("jdbc:h2:mem:health-up"), "H2",
                Duration.ofSeconds(2), true, executor);

        HealthCheck.Result result = check.call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("database answered in"));
        assertThat(result.getDetails()).containsEntry("database", "H2").containsKey("validation.ms");
        assertThat(check.getId()).isEqualTo("database");
    }

    @Test
    void downWithTheDriversErrorWhenTheDatabaseIsUnreachable() throws Exception {
        int port = closedPort();
        DatabaseHealthCheck check = new DatabaseHealthCheck(h2("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:nothing"),
                "H2", Duration.ofSeconds(5), false, executor);

        HealthCheck.Result result = check.call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("database unreachable: ").contains("127.0.0.1:" + port));
        assertThat(result.getError()).containsInstanceOf(SQLException.class);
    }

    @Test
    void downAfterTheTimeoutWhenTheDatabaseHangsAndNoSecondProbeIsStarted() {
        CountDownLatch hang = new CountDownLatch(1);
        AtomicInteger connects = new AtomicInteger();
        DataSource hanging = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connects.incrementAndGet();
                        hang.await(10, TimeUnit.SECONDS);
                        throw new SQLException("Connection is not available, request timed out");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        DatabaseHealthCheck check = new DatabaseHealthCheck(hanging, "PostgreSQL", Duration.ofMillis(200), false,
                executor);
        try {
            long start = System.nanoTime();
            HealthCheck.Result first = check.call();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            HealthCheck.Result second = check.call();

            assertThat(first.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(first.getMessage()).contains("database did not answer within 200 ms");
            assertThat(tookMillis).as("bounded by the timeout, not by the hanging pool").isLessThan(5_000);
            assertThat(second.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(connects).as("the hanging probe is waited for, not started again").hasValue(1);

            hang.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> check.call().getMessage().orElse("")
                    .contains("request timed out"));
        } finally {
            hang.countDown();
        }
    }

    @Test
    void reportsThePoolOfAHikariDataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:health-pool");
        config.setUsername("sa");
        config.setMaximumPoolSize(3);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            HealthCheck.Result result = new DatabaseHealthCheck(pool, "H2", Duration.ofSeconds(2), true, executor).call();

            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getDetails()).containsEntry("pool.max", 3).containsKeys("pool.active", "pool.idle",
                    "pool.waiting");
        }
    }

    @Test
    void readinessAlwaysLivenessOnlyWhenAsked() {
        DataSource ds = h2("jdbc:h2:mem:kinds");
        DatabaseHealthCheck embedded = new DatabaseHealthCheck(ds, "H2", Duration.ofSeconds(1), true, executor);
        DatabaseHealthCheck server = new DatabaseHealthCheck(ds, "POSTGRESQL", Duration.ofSeconds(1), false, executor);

        assertThat(embedded.isReadiness()).isTrue();
        assertThat(embedded.isLiveness()).isTrue();
        assertThat(server.isReadiness()).isTrue();
        assertThat(server.isLiveness()).isFalse();
    }
}
