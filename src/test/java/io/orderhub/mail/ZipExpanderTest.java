package io.orderhub.mail;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Zip attachments are unpacked within bounds counted while inflating. */
class ZipExpanderTest {

    @Test
    void entriesWithinTheBoundsAreRead() throws IOException {
        ZipExpander.Result r = new ZipExpander(10, 1000, 10_000).expand("attachment 1 'a.zip'",
                zip(2, 100, 1));
        assertThat(r.entries()).hasSize(2).allSatisfy(e -> assertThat(e.content()).hasSize(100));
        assertThat(r.entries().get(1).label()).isEqualTo("attachment 1 'a.zip' entry 'e1.txt'");
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void aBombStopsAtTheEntryBoundWithoutInflatingTheRest() throws IOException {
        // 20 MB of zeros compress to about 20 KB
        byte[] bomb = zip(1, 20_000_000, 1);
        assertThat(bomb.length).isLessThan(100_000);
        ZipExpander.Result r = new ZipExpander(10, 1_000_000, 5_000_000).expand("z", bomb);
        assertThat(r.entries()).singleElement().satisfies(e -> {
            assertThat(e.content()).isNull();
            assertThat(e.unreadable()).contains("larger than 1000000");
        });
    }

    @Test
    void theTotalAndTheEntryCountAreBounded() throws IOException {
        ZipExpander.Result total = new ZipExpander(100, 1000, 2500).expand("z", zip(5, 1000, 1));
        assertThat(total.entries().stream().filter(e -> e.content() != null)).hasSize(2);
        assertThat(total.notes()).anyMatch(n -> n.contains("decompressed size"));

        ZipExpander.Result count = new ZipExpander(3, 1000, 100_000).expand("z", zip(50, 10, 1));
        assertThat(count.entries()).hasSize(3);
        assertThat(count.notes()).anyMatch(n -> n.contains("more than 3 entries"));
    }

    @Test
    void garbageIsANoteNotAnException() {
        ZipExpander.Result r = new ZipExpander(3, 1000, 1000).expand("z", "PK\u0003\u0004garbage".getBytes());
        assertThat(r.entries()).isEmpty();
    }

    private static byte[] zip(int entries, int size, int fill) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("e" + i + ".txt"));
                byte[] chunk = new byte[Math.min(size, 65536)];
                java.util.Arrays.fill(chunk, (byte) (fill == 1 ? 0 : 'x'));
                for (int written = 0; written < size; written += chunk.length) {
                    zip.write(chunk, 0, Math.min(chunk.length, size - written));
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
