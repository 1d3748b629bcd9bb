package io.orderhub.bench;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.pdf.OcrEngine;
import io.orderhub.pdf.OrderPdfs;
import io.orderhub.pdf.OrderPdfs.Layout;
import io.orderhub.pdf.PdfFixtures;
import io.orderhub.pdf.PdfOrderMapper;
import io.orderhub.pdf.SampleOrder;
import io.orderhub.validation.PartnerDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of PDF and scan extraction ({@code ./run.sh bench accuracy}): generates documents with varied data in both
 * template layouts, reads each as a text PDF, as a clean 300 dpi scan, as a noisy 300 dpi scan and as a 200 dpi fax
 * TIFF through the shipped templates, and counts the fields read correctly against the data they were made from — per
 * field and per kind of document (line fields by position: a line lost or added shifts the lines after it). It also
 * counts the orders that would pass without review and, most important, wrong values in them (those would reach the
 * ERP unseen). The noisy scans are read as they are and despeckled. Options: --docs N (20), --seed S (1),
 * --threshold T (0.80), --noise P (0.01), --sources text,scan,noisy,noisy-despeckled,fax.
 */
public final class PdfAccuracy {

    record Source(String name, String description) {
    }

    static final class Tally {
        final Map<String, int[]> byField = new TreeMap<>();
        int documents;
        int pages;
        int straightThrough;
        int toReview;
        int rejected;
        int silentErrors;
        int ordersWithSilentErrors;
        long millis;

        void field(String field, boolean correct) {
            int[] c = byField.computeIfAbsent(field, k -> new int[2]);
            c[1]++;
            if (correct) {
                c[0]++;
            }
        }

        int correct() {
            return byField.values().stream().mapToInt(c -> c[0]).sum();
        }

        int total() {
            return byField.values().stream().mapToInt(c -> c[1]).sum();
        }
    }

    public static void main(String[] args) throws IOException {
        int docs = 20;
        long seed = 1;
        double threshold = 0.80;
        double noise = 0.01;
        List<String> sources = List.of("text", "scan", "noisy", "noisy-despeckled", "fax");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--docs" -> docs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--noise" -> noise = Double.parseDouble(args[++i]);
                case "--sources" -> sources = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--docs N, --seed S, --threshold T, --noise P, --sources text,scan,noisy,fax)");
            }
        }
        OcrEngine ocr = PdfFixtures.ocr();
        if (!ocr.available() && !sources.equals(List.of("text"))) {
            System.err.println("OCR " + ocr.status() + ": only text PDFs are measured");
            sources = List.of("text");
        }
        PartnerDirectory partners = PdfFixtures.partners(threshold);
        PdfOrderMapper pdfMapper = PdfFixtures.pdfMapper(partners, ocr);
        PdfOrderMapper tiffMapper = PdfFixtures.tiffMapper(partners, ocr);
        PdfOrderMapper despeckling = PdfFixtures.despecklingPdfMapper(partners, ocr);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        sources.forEach(s -> tallies.put(s, new Tally()));
        List<String> examples = new ArrayList<>();

        for (int d = 0; d < docs; d++) {
            Layout layout = d % 2 == 0 ? Layout.ACME : Layout.NORDLICHT;
            SampleOrder order = SampleOrder.random(seed * 1_000 + d, 2 + new java.util.Random(seed * 7_919 + d).nextInt(28));
            String sender = layout == Layout.ACME ? PdfFixtures.ACME : PdfFixtures.NORDLICHT;
            byte[] pdf = OrderPdfs.pdf(order, layout, 25);
            for (String source : sources) {
                long start = System.nanoTime();
                MappingResult result = switch (source) {
                    case "text" -> pdfMapper.map(PdfFixtures.document(sender, PdfOrderMapper.FORMAT, pdf));
                    case "scan" -> pdfMapper.map(PdfFixtures.document(sender, PdfOrderMapper.FORMAT,
                            OrderPdfs.scannedPdf(pdf, 300)));
                    case "noisy" -> pdfMapper.map(PdfFixtures.document(sender, PdfOrderMapper.FORMAT,
                            OrderPdfs.scannedPdf(pdf, 300, noise, d)));
                    case "noisy-despeckled" -> despeckling.map(PdfFixtures.document(sender, PdfOrderMapper.FORMAT,
                            OrderPdfs.scannedPdf(pdf, 300, noise, d)));
                    case "fax" -> tiffMapper.map(PdfFixtures.document(sender, PdfOrderMapper.TIFF_FORMAT,
                            OrderPdfs.tiff(pdf, 200)));
                    default -> throw new IllegalArgumentException("unknown source " + source);
                };
                Tally t = tallies.get(source);
                t.millis += (System.nanoTime() - start) / 1_000_000;
                t.documents++;
                t.pages += pages(pdf);
                MappedOrder read = result.orders().isEmpty() ? null : result.orders().get(0);
                if (read == null) {
                    t.rejected++;
                } else if (read.problems().isEmpty()) {
                    t.straightThrough++;
                } else {
                    t.toReview++;
                }
                int silent = 0;
                for (Map.Entry<String, String[]> f : compareOrEmpty(order, read).entrySet()) {
                    boolean correct = f.getValue()[0].equals(f.getValue()[1]);
                    t.field(f.getKey().replaceAll("/lines/\\d+/", "/lines/*/"), correct);
                    if (!correct && read != null && read.problems().isEmpty()) {
                        silent++;
                        if (examples.size() < 15) {
                            examples.add(source + " doc " + d + " " + f.getKey() + ": expected '" + f.getValue()[0]
                                    + "', read '" + f.getValue()[1] + "' in an order without problems");
                        }
                    }
                }
                t.silentErrors += silent;
                if (silent > 0) {
                    t.ordersWithSilentErrors++;
                }
            }
            System.err.printf(Locale.ROOT, "document %d/%d done (%s, %d lines)%n", d + 1, docs, layout,
                    order.lines().size());
        }
        String report = report(tallies, docs, seed, threshold, noise, ocr, examples);
        System.out.println(report);
        Path out = Path.of("target/bench/accuracy.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static Map<String, String[]> compareOrEmpty(SampleOrder order, MappedOrder read) {
        if (read != null) {
            return PdfFixtures.compare(order, read);
        }
        Map<String, String[]> none = new LinkedHashMap<>();
        PdfFixtures.compare(order, new MappedOrder(0, new io.orderhub.model.CanonicalOrder(null, null, null, null,
                null, null, null, null, null, null, List.of(), List.of()), Map.of())).forEach((k, v) ->
                none.put(k, new String[] {v[0], "\u0000"}));
        return none;
    }

    private static int pages(byte[] pdf) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String report(Map<String, Tally> tallies, int docs, long seed, double threshold, double noise,
                                 OcrEngine ocr, List<String> examples) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "PDF/scan extraction accuracy: %d documents (seed %d; layouts acme and"
                + " nordlicht alternating; 2-29 lines), confidence threshold %.2f, noisy = %.1f %% speckled pixels%n",
                docs, seed, threshold, noise * 100));
        b.append("OCR: ").append(ocr.status()).append('\n');
        b.append("Java: ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
        List<String> names = new ArrayList<>(tallies.keySet());
        b.append(String.format(Locale.ROOT, "%-24s", "field"));
        names.forEach(n -> b.append(String.format(Locale.ROOT, "%22s", n)));
        b.append('\n');
        List<String> fields = new ArrayList<>(tallies.values().iterator().next().byField.keySet());
        for (String field : fields) {
            b.append(String.format(Locale.ROOT, "%-24s", field));
            for (String n : names) {
                int[] c = tallies.get(n).byField.getOrDefault(field, new int[2]);
                b.append(String.format(Locale.ROOT, "%22s", c[1] == 0 ? "-" : String.format(Locale.ROOT,
                        "%d/%d %5.1f%%", c[0], c[1], 100.0 * c[0] / c[1])));
            }
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "%-24s", "ALL FIELDS"));
        for (String n : names) {
            Tally t = tallies.get(n);
            b.append(String.format(Locale.ROOT, "%22s", String.format(Locale.ROOT, "%d/%d %5.1f%%", t.correct(),
                    t.total(), 100.0 * t.correct() / t.total())));
        }
        b.append("\n\n");
        row(b, names, "orders without problems", t -> t.straightThrough + "/" + t.documents, tallies);
        row(b, names, "orders to review", t -> t.toReview + "/" + t.documents, tallies);
        row(b, names, "documents rejected", t -> t.rejected + "/" + t.documents, tallies);
        row(b, names, "wrong, not to review", t -> String.valueOf(t.silentErrors), tallies);
        row(b, names, "orders with such values", t -> t.ordersWithSilentErrors + "/" + t.documents, tallies);
        row(b, names, "ms per page (mean)", t -> String.valueOf(t.pages == 0 ? 0 : t.millis / t.pages), tallies);
        if (!examples.isEmpty()) {
            b.append("\nwrong values in orders that would go to the ERP without review (first ").append(examples.size())
                    .append("):\n");
            examples.forEach(e -> b.append("  ").append(e).append('\n'));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> names, String label,
                            java.util.function.Function<Tally, String> value, Map<String, Tally> tallies) {
        b.append(String.format(Locale.ROOT, "%-24s", label));
        names.forEach(n -> b.append(String.format(Locale.ROOT, "%22s", value.apply(tallies.get(n)))));
        b.append('\n');
    }
}
