package io.orderhub.pdf;

import io.orderhub.mapping.CanonicalFields;
import io.orderhub.model.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a {@link PdfTemplate} to the words of a document's pages: the text of each header field and of each table
 * cell, with its region as locator ({@code <prefix>page=1;x=..;y=..;w=..;h=..}) and the confidence of its words. What
 * the template expects but does not find is a problem naming the field and where it was looked for.
 */
final class TemplateReader {

    private static final double DEFAULT_WIDTH = 200;
    private static final double DEFAULT_ROW_TOLERANCE = 4;

    private final PdfTemplate template;
    private final List<PageText> pages;
    private final String prefix;
    private final Map<String, Extracted> header = new LinkedHashMap<>();
    private final List<Map<String, Extracted>> lines = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    /** What the template found: header fields, lines (field without {@code lines.}) and what it missed. */
    record Extraction(Map<String, Extracted> header, List<Map<String, Extracted>> lines, List<Problem> problems) {
    }

    private TemplateReader(PdfTemplate template, List<PageText> pages, String prefix) {
        this.template = template;
        this.pages = pages;
        this.prefix = prefix;
    }

    /**
     * @param prefix what locators start with: {@code pdf:} or {@code tiff:}
     */
    static Extraction read(PdfTemplate template, List<PageText> pages, String prefix) {
        TemplateReader r = new TemplateReader(template, pages, prefix);
        template.fields().forEach(r::field);
        if (template.table() != null) {
            r.table(template.table());
        }
        return new Extraction(r.header, r.lines, r.problems);
    }

    private void field(String field, PdfTemplate.FieldSpec spec) {
        FieldFormat format = template.format().with(spec.dateFormat(), spec.decimalSeparator(), spec.withUnit());
        String pointer = CanonicalFields.pointer(field);
        if (spec.value() != null) {
            header.put(field, new Extracted(spec.value(), "template " + template.name() + ", constant " + field, 1.0,
                    1.0, format));
            return;
        }
        Optional<Extracted> found;
        String where;
        if (spec.regex() != null) {
            where = "the pattern '" + spec.regex() + "'" + (spec.page() == null ? " on any page" : " on page "
                    + spec.page());
            found = byRegex(Pattern.compile(spec.regex()), spec.page(), format);
        } else {
            Region region;
            if (spec.region() != null) {
                PdfTemplate.RegionSpec r = spec.region();
                region = new Region(r.page() == null ? 1 : r.page(), r.x(), r.y(), r.w(), r.h());
                where = prefix + region.locator();
            } else {
                Optional<Region> anchor = anchor(spec.anchor(), spec.page());
                if (anchor.isEmpty()) {
                    missing(spec, pointer, field + ": its anchor '" + spec.anchor() + "' is on no page"
                            + (spec.page() == null ? "" : " " + spec.page()));
                    return;
                }
                region = relative(anchor.get(), spec);
                where = prefix + region.locator() + " (" + (spec.position() == null ? "right" : spec.position())
                        + " of '" + spec.anchor() + "')";
            }
            List<Word> words = wordsIn(region);
            found = words.isEmpty() ? Optional.empty()
                    : Optional.of(Extracted.of(words, prefix + region.locator(), format));
        }
        if (found.isEmpty()) {
            missing(spec, pointer, field + ": nothing found at " + where);
            return;
        }
        Extracted value = found.get();
        if (spec.pattern() != null) {
            Matcher m = Pattern.compile(spec.pattern()).matcher(value.text());
            if (!m.find()) {
                missing(spec, pointer, field + ": '" + value.text() + "' at " + value.locator()
                        + " does not match the pattern '" + spec.pattern() + "'");
                return;
            }
            value = new Extracted(m.groupCount() > 0 ? m.group(1) : m.group(), value.locator(), value.confidence(),
                    value.meanConfidence(), format);
        }
        header.put(field, value);
    }

    private void missing(PdfTemplate.FieldSpec spec, String pointer, String message) {
        if (!spec.isOptional()) {
            problems.add(new Problem(pointer, "field-not-found", message + " (template " + template.name() + ")"));
        }
    }

    /** The region the field is in, relative to its anchor's box. */
    private static Region relative(Region a, PdfTemplate.FieldSpec spec) {
        double h = spec.h() != null ? spec.h() : Math.max(a.h(), 8) + 8;
        double w = spec.w() != null ? spec.w() : DEFAULT_WIDTH;
        if ("below".equals(spec.position())) {
            return new Region(a.page(), a.x() + (spec.dx() == null ? -4 : spec.dx()),
                    a.y() + a.h() + (spec.dy() == null ? 1 : spec.dy()), w, h);
        }
        return new Region(a.page(), a.x() + a.w() + (spec.dx() == null ? 1 : spec.dx()),
                a.y() + (spec.dy() == null ? -4 : spec.dy()), w, h);
    }

    /** The first place (in reading order, on the given page or any) where the label's words follow each other. */
    private Optional<Region> anchor(String label, Integer onPage) {
        return anchorFrom(label, onPage, 0, 0);
    }

    private Optional<Region> anchorFrom(String label, Integer onPage, int fromPage, double belowY) {
        String[] tokens = label.strip().split("\\s+");
        for (PageText page : pages) {
            if ((onPage != null && page.page() != onPage) || page.page() < fromPage) {
                continue;
            }
            for (List<Word> line : TextLines.of(page.words(), TextLines.tolerance(page.words()))) {
                for (int i = 0; i + tokens.length <= line.size(); i++) {
                    if (page.page() == fromPage && line.get(i).y() <= belowY) {
                        continue;
                    }
                    if (matches(line, i, tokens)) {
                        return Optional.of(Region.around(line.subList(i, i + tokens.length)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(List<Word> line, int at, String[] tokens) {
        for (int k = 0; k < tokens.length; k++) {
            if (!TextLines.normalise(line.get(at + k).text()).equals(TextLines.normalise(tokens[k]))) {
                return false;
            }
        }
        return true;
    }

    private List<Word> wordsIn(Region region) {
        return pages.stream().filter(p -> p.page() == region.page()).flatMap(p -> p.words().stream())
                .filter(region::contains).toList();
    }

    /** The first match on a page's text (lines joined by newlines); the region is that of the matched words. */
    private Optional<Extracted> byRegex(Pattern regex, Integer onPage, FieldFormat format) {
        for (PageText page : pages) {
            if (onPage != null && page.page() != onPage) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            List<int[]> spans = new ArrayList<>();
            List<Word> order = new ArrayList<>();
            for (List<Word> line : TextLines.of(page.words(), TextLines.tolerance(page.words()))) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                for (int i = 0; i < line.size(); i++) {
                    if (i > 0) {
                        text.append(' ');
                    }
                    spans.add(new int[] {text.length(), text.length() + line.get(i).text().length()});
                    order.add(line.get(i));
                    text.append(line.get(i).text());
                }
            }
            Matcher m = regex.matcher(text);
            if (m.find()) {
                int g = m.groupCount() > 0 && m.group(1) != null ? 1 : 0;
                List<Word> covered = new ArrayList<>();
                for (int i = 0; i < spans.size(); i++) {
                    if (spans.get(i)[0] < m.end(g) && spans.get(i)[1] > m.start(g)) {
                        covered.add(order.get(i));
                    }
                }
                if (covered.isEmpty()) {
                    continue;
                }
                Extracted words = Extracted.of(covered, prefix + Region.around(covered).locator(), format);
                return Optional.of(new Extracted(m.group(g).strip(), words.locator(), words.confidence(),
                        words.meanConfidence(), format));
            }
        }
        return Optional.empty();
    }

    private void table(PdfTemplate.TableSpec t) {
        Optional<Region> head = anchor(t.header(), null);
        if (head.isEmpty()) {
            problems.add(new Problem("/lines", "table-not-found", "the table header '" + t.header()
                    + "' is on no page (template " + template.name() + ")"));
            return;
        }
        int firstPage = head.get().page();
        Optional<Region> end = t.end() == null ? Optional.empty()
                : anchorFrom(t.end(), null, firstPage, head.get().y() + head.get().h());
        int lastPage = end.map(Region::page).orElse(pages.isEmpty() ? firstPage : pages.get(pages.size() - 1).page());
        String rowKey = template.rowKey();
        double tolerance = t.rowTolerance() == null ? DEFAULT_ROW_TOLERANCE : t.rowTolerance();
        Map<String, Region> lastRegions = new LinkedHashMap<>();
        for (PageText page : pages) {
            if (page.page() < firstPage || page.page() > lastPage) {
                continue;
            }
            double top;
            if (page.page() == firstPage) {
                top = head.get().y() + head.get().h();
            } else {
                top = anchor(t.header(), page.page()).map(r -> r.y() + r.h()).orElse(t.top() == null ? 0 : t.top());
            }
            double bottom = t.bottom() == null ? page.height() : t.bottom();
            if (end.isPresent() && page.page() == end.get().page()) {
                bottom = Math.min(bottom, end.get().y());
            }
            final double from = top;
            final double to = bottom;
            List<Word> words = page.words().stream()
                    .filter(w -> w.centerY() > from && w.centerY() < to && column(t, w) != null).toList();
            for (List<Word> row : TextLines.of(words, tolerance)) {
                row(t, row, rowKey, lastRegions);
            }
        }
        if (lines.isEmpty()) {
            problems.add(new Problem("/lines", "no-lines", "the table below '" + t.header() + "' on page " + firstPage
                    + " has no rows with a " + rowKey.substring(6) + " (template " + template.name() + ")"));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            for (Map.Entry<String, PdfTemplate.ColumnSpec> c : t.columns().entrySet()) {
                String field = c.getKey().substring(6);
                if (!c.getValue().isOptional() && !lines.get(i).containsKey(field)) {
                    Extracted key = lines.get(i).get(rowKey.substring(6));
                    problems.add(new Problem(CanonicalFields.linePointer(i, field), "field-not-found", "line "
                            + (i + 1) + ": no " + field + " in its column (x " + c.getValue().from() + " to "
                            + c.getValue().to() + ") of the row at " + key.locator() + " (template " + template.name()
                            + ")"));
                }
            }
        }
    }

    private void row(PdfTemplate.TableSpec t, List<Word> row, String rowKey, Map<String, Region> lastRegions) {
        double y1 = row.stream().mapToDouble(Word::y).min().orElse(0);
        double y2 = row.stream().mapToDouble(Word::bottom).max().orElse(0);
        Map<String, List<Word>> cells = new LinkedHashMap<>();
        for (Word w : row) {
            cells.computeIfAbsent(column(t, w), k -> new ArrayList<>()).add(w);
        }
        boolean continuation = !cells.containsKey(rowKey);
        if (continuation && lines.isEmpty()) {
            return;
        }
        Map<String, Extracted> line = continuation ? lines.get(lines.size() - 1) : new LinkedHashMap<>();
        if (!continuation) {
            lastRegions.clear();
        }
        cells.forEach((column, words) -> {
            PdfTemplate.ColumnSpec c = t.columns().get(column);
            FieldFormat format = template.format().with(c.dateFormat(), c.decimalSeparator(), c.withUnit());
            Region region = new Region(row.get(0).page(), c.from(), y1, c.to() - c.from(), y2 - y1);
            String field = column.substring(6);
            Extracted cell = Extracted.of(words, prefix + region.locator(), format);
            Region earlier = lastRegions.get(field);
            if (earlier != null && line.containsKey(field) && earlier.page() == region.page()) {
                Region merged = new Region(region.page(), region.x(), earlier.y(), region.w(),
                        region.y() + region.h() - earlier.y());
                line.put(field, line.get(field).append(cell, prefix + merged.locator()));
                lastRegions.put(field, merged);
            } else if (!line.containsKey(field)) {
                line.put(field, cell);
                lastRegions.put(field, region);
            }
        });
        if (!continuation) {
            lines.add(line);
        }
    }

    /** The column (canonical line field) whose x range holds the word's centre, or null. */
    private static String column(PdfTemplate.TableSpec t, Word w) {
        for (Map.Entry<String, PdfTemplate.ColumnSpec> c : t.columns().entrySet()) {
            if (w.centerX() >= c.getValue().from() && w.centerX() < c.getValue().to()) {
                return c.getKey();
            }
        }
        return null;
    }
}
