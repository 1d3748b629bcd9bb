package io.orderhub.support;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupTasksTest {

    @Test
    void tasksRunOnTheStartThreadsAndJoinGivesTheirResult() throws Exception {
        try (StartupTasks start = new StartupTasks(2)) {
            CompletableFuture<String> thread = start.submit("name", () -> Thread.currentThread().getName());
            assertThat(StartupTasks.join(thread)).startsWith("orderhub-start-");
        }
    }

    @Test
    void aFailedTaskFailsTheJoinWithItsOwnException() {
        try (StartupTasks start = new StartupTasks(2)) {
            CompletableFuture<Object> failed = start.submit("broken", () -> {
                throw new IllegalStateException("Partner X names EDI mapping y, which is not in z");
            });
            assertThatThrownBy(() -> StartupTasks.join(failed)).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("Partner X names EDI mapping y, which is not in z");
            CompletableFuture<Object> checked = start.submit("io", () -> {
                throw new IOException("disk");
            });
            assertThatThrownBy(() -> StartupTasks.join(checked)).isExactlyInstanceOf(IOException.class).hasMessage("disk");
            assertThatThrownBy(() -> StartupTasks.joinUnchecked(checked)).isInstanceOf(IllegalStateException.class)
                    .hasCauseExactlyInstanceOf(IOException.class);
        }
    }

    @Test
    void aTaskAfterAFailedOneDoesNotRunAndReportsTheFirstFailure() {
        AtomicBoolean ran = new AtomicBoolean();
        try (StartupTasks start = new StartupTasks(2)) {
            CompletableFuture<Object> migrations = start.submit("migrations", () -> {
                throw new IllegalStateException("migration V7 failed");
            });
            CompletableFuture<Boolean> users = start.after(migrations, "users", () -> {
                ran.set(true);
                return true;
            });
            assertThatThrownBy(() -> StartupTasks.join(users)).hasMessage("migration V7 failed");
        }
        assertThat(ran).isFalse();
    }
}
