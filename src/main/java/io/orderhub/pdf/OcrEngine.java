package io.orderhub.pdf;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tesseract as an external program: one page image in, positioned words with their confidence out (tesseract's TSV
 * output: one row per word with its pixel box and a confidence 0..100). Pixel boxes are converted to PDF points with
 * the image's resolution, so OCR words are read by the same templates as a PDF's text layer. Each call writes the
 * image and tesseract's output to a temporary directory that is removed afterwards, and is ended after a timeout.
 */
public final class OcrEngine {

    private static final Logger LOG = LoggerFactory.getLogger(OcrEngine.class);
    private static final int TSV_COLUMNS = 12;

    private final String command;
    private final String language;
    private final int pageSegmentation;
    private final Duration timeout;
    private final Optional<String> version;

    /**
     * @param command  the tesseract executable (a name on the PATH or a path)
     * @param language tesseract's language, e.g. {@code eng} or {@code deu+eng}
     * @param pageSegmentation tesseract's {@code --psm}: 6 (one uniform block of text) reads order forms with narrow
     *                         table columns far better than the default 3 (automatic layout), which takes a column of
     *                         line numbers for a block of its own and misreads or drops it
     */
    public OcrEngine(String command, String language, int pageSegmentation, Duration timeout) {
        this.command = command;
        this.language = language;
        this.pageSegmentation = pageSegmentation;
        this.timeout = timeout;
        this.version = probe(command);
    }

    /** Whether tesseract could be run when this engine was made. */
    public boolean available() {
        return version.isPresent();
    }

    /** The first line of {@code tesseract --version}, or why OCR is off. */
    public String status() {
        return version.map(v -> v + " (" + command + ", language " + language + ")")
                .orElse("not available: '" + command + "' cannot be run; install the Debian package tesseract-ocr or set"
                        + " orderhub.ocr.command; scans and faxes go to review");
    }

    public String command() {
        return command;
    }

    /**
     * The words tesseract reads in this page image.
     *
     * @param dpi  the image's resolution, to convert pixels to points (72 per inch)
     * @param page the page number the words get
     * @throws OcrException if tesseract is missing, fails, or exceeds the timeout
     */
    public List<Word> read(BufferedImage image, double dpi, int page) throws OcrException {
        if (!available()) {
            throw new OcrException(status());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("orderhub-ocr-");
            Path png = dir.resolve("page.png");
            ImageIO.write(image, "png", png.toFile());
            Path out = dir.resolve("out");
            Process p = new ProcessBuilder(command, png.toString(), out.toString(), "-l", language,
                    "--psm", String.valueOf(pageSegmentation), "--dpi", String.valueOf(Math.round(dpi)), "tsv")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new OcrException("tesseract took longer than " + timeout.toSeconds() + " s on page " + page
                        + " and was stopped");
            }
            if (p.exitValue() != 0) {
                String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8).strip();
                throw new OcrException("tesseract failed on page " + page + " (exit " + p.exitValue() + "): " + log);
            }
            return parseTsv(Files.readString(dir.resolve("out.tsv"), StandardCharsets.UTF_8), 72.0 / dpi, page);
        } catch (IOException e) {
            throw new OcrException("tesseract could not be run on page " + page + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException("interrupted while tesseract read page " + page);
        } finally {
            delete(dir);
        }
    }

    /**
     * Words from tesseract's TSV: level 5 rows (words) with text; {@code scale} converts pixels to points; a
     * confidence of -1 (no word) is dropped.
     */
    static List<Word> parseTsv(String tsv, double scale, int page) {
        List<Word> words = new ArrayList<>();
        for (String row : tsv.split("\r?\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < TSV_COLUMNS || !c[0].equals("5")) {
                continue;
            }
            String text = c[11].strip();
            double conf = Double.parseDouble(c[10]);
            if (text.isEmpty() || conf < 0) {
                continue;
            }
            words.add(new Word(page, text, Integer.parseInt(c[6]) * scale, Integer.parseInt(c[7]) * scale,
                    Integer.parseInt(c[8]) * scale, Integer.parseInt(c[9]) * scale, Math.min(1.0, conf / 100.0)));
        }
        return words;
    }

    private static Optional<String> probe(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String first = out.lines().findFirst().orElse("tesseract").strip();
            return p.exitValue() == 0 ? Optional.of(first) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("Could not remove OCR temporary directory {}: {}", dir, e.toString());
        }
    }

    /** OCR could not be done; the message says why, for a person. */
    public static final class OcrException extends Exception {
        public OcrException(String message) {
            super(message);
        }
    }
}
