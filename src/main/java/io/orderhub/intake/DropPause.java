package io.orderhub.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * Kill points for the crash tests of the drop routes, off by default. With {@code orderhub.drop.test.pause-at}
 * set to {@code read} (file read, nothing committed) or {@code committed} (document committed, file not yet
 * moved), a file reaching that point adds a line to the marker file {@code orderhub.drop.test.pause-marker} and holds its
 * exchange until the process ends, so that a test can kill the hub exactly there. With the property empty (the
 * default) {@link #at} returns at once.
 */
public final class DropPause {

    private final String point;
    private final Path marker;

    public DropPause(String point, Path marker) {
        this.point = point == null ? "" : point.trim();
        this.marker = marker;
    }

    public void at(String here) throws IOException, InterruptedException {
        if (point.isEmpty() || !point.equals(here)) {
            return;
        }
        if (marker != null) {
            // one line per exchange held here: a test can see how many files are in flight at once
            synchronized (this) {
                Files.writeString(marker, here + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        // held until the process is killed; a normal shutdown interrupts it and the file stays for the next poll
        new CountDownLatch(1).await();
    }
}
