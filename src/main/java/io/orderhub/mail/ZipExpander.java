package io.orderhub.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip attachment within bounds: at most {@code maxEntries} entries, each at most
 * {@code maxEntryBytes}, {@code maxTotalBytes} decompressed in all. Sizes are counted while inflating (the sizes a
 * zip declares are not trusted), so a zip bomb costs at most the bound. Directories are skipped.
 */
public final class ZipExpander {

    /** What came out: the entries read, and what was left out and why. */
    public record Result(List<MailAttachment> entries, List<String> notes) {
    }

    private final int maxEntries;
    private final long maxEntryBytes;
    private final long maxTotalBytes;

    public ZipExpander(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    public Result expand(String label, byte[] zip) {
        List<MailAttachment> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                String entryLabel = label + " entry '" + e.getName() + "'";
                if (entries.size() >= maxEntries) {
                    notes.add("more than " + maxEntries + " entries: the rest were not read");
                    break;
                }
                long allowed = Math.min(maxEntryBytes, maxTotalBytes - total);
                byte[] content = readAtMost(in, allowed);
                if (content == null) {
                    boolean entryLimit = allowed == maxEntryBytes;
                    entries.add(new MailAttachment(entryLabel, e.getName(), null, null, entryLimit
                            ? "larger than " + maxEntryBytes + " bytes decompressed"
                            : "the zip decompresses to more than " + maxTotalBytes + " bytes"));
                    if (!entryLimit) {
                        notes.add("decompressed size over " + maxTotalBytes + " bytes: the rest were not read");
                        break;
                    }
                    total += allowed;
                    continue;
                }
                total += content.length;
                entries.add(new MailAttachment(entryLabel, e.getName(), null, content, null));
            }
        } catch (IOException | RuntimeException ex) {
            notes.add("not a readable zip: " + ex.getMessage());
        }
        return new Result(entries, notes);
    }

    /** Reads the stream to its end if it holds at most {@code max} bytes; null (and stops reading) if more. */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long read = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            read += n;
            if (read > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
