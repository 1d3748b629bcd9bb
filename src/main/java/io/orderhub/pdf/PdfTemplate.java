package io.orderhub.pdf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.orderhub.mapping.CanonicalFields;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A partner's PDF extraction template, one YAML file under {@code mappings/pdf/} (see README there): where each
 * header field is (by anchor label and a region relative to it, by absolute region, by a regular expression over the
 * page text, or a constant) and where the table of lines is (between a header anchor and an end anchor, continued on
 * following pages, columns by x range). Coordinates are PDF points from the page's top-left corner.
 */
public record PdfTemplate(String name, FieldFormat format, Map<String, FieldSpec> fields, TableSpec table) {

    /** The YAML shape of a template file. */
    record Spec(String description, String dateFormat, String decimalSeparator, Map<String, FieldSpec> fields,
                TableSpec table) {
    }

    /**
     * Where one header field is; exactly one of {@code anchor}, {@code region}, {@code regex}, {@code value}.
     *
     * @param position right (default) or below the anchor
     * @param dx       horizontal offset of the region from the anchor's right edge (right) or left edge (below)
     * @param dy       vertical offset of the region from the anchor's top (right) or bottom (below)
     * @param pattern  a regular expression applied to the text found; its first group (or the whole match) is the value
     */
    public record FieldSpec(String anchor, String position, Double dx, Double dy, Double w, Double h, Integer page,
                            RegionSpec region, String regex, String value, String pattern, String dateFormat,
                            String decimalSeparator, Boolean withUnit, Boolean optional) {

        boolean isOptional() {
            return Boolean.TRUE.equals(optional);
        }
    }

    public record RegionSpec(Integer page, double x, double y, double w, double h) {
    }

    /**
     * The table of lines.
     *
     * @param header       the label of the table's header row; rows start below it (on every page where it is)
     * @param end          a label after the last row (e.g. {@code Total}); without it the table runs to the last page
     * @param top          on a continuation page without the header row, rows start below this y (default 0)
     * @param bottom       rows end above this y on every page (page footers below it are not rows)
     * @param rowTolerance words whose vertical centres are this close (points) are one row (default 4)
     * @param rowKey       a row without a value in this column continues the line above it (default: the first
     *                     non-optional column)
     */
    public record TableSpec(String header, String end, Double top, Double bottom, Double rowTolerance, String rowKey,
                            Map<String, ColumnSpec> columns) {
    }

    /** A table column: the x range (points) its words' centres fall into. */
    public record ColumnSpec(double from, double to, String dateFormat, String decimalSeparator, Boolean withUnit,
                             Boolean optional) {

        boolean isOptional() {
            return Boolean.TRUE.equals(optional);
        }
    }

    public static PdfTemplate load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            return of(file.getFileName().toString(), yaml.readValue(Files.readAllBytes(file), Spec.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    static PdfTemplate of(String name, Spec spec) {
        FieldFormat format = FieldFormat.DEFAULT.with(spec.dateFormat(), spec.decimalSeparator(), null);
        Map<String, FieldSpec> fields = spec.fields() == null ? Map.of() : new LinkedHashMap<>(spec.fields());
        fields.forEach((field, f) -> checkField(field, f, format));
        TableSpec table = spec.table();
        if (table != null) {
            checkTable(table, format);
        }
        if (fields.isEmpty() && table == null) {
            throw new IllegalArgumentException("a template needs fields or a table");
        }
        return new PdfTemplate(name, format, java.util.Collections.unmodifiableMap(fields), table);
    }

    private static void checkField(String field, FieldSpec f, FieldFormat format) {
        String at = "field " + field + ": ";
        if (!CanonicalFields.HEADER.containsKey(field)) {
            throw new IllegalArgumentException(at + "not a canonical order header field (" + CanonicalFields.HEADER.keySet()
                    + "); line fields belong in table.columns");
        }
        if (f == null) {
            throw new IllegalArgumentException(at + "says nothing about where it is");
        }
        int ways = (f.anchor() != null ? 1 : 0) + (f.region() != null ? 1 : 0) + (f.regex() != null ? 1 : 0)
                + (f.value() != null ? 1 : 0);
        if (ways != 1) {
            throw new IllegalArgumentException(at + "needs exactly one of anchor, region, regex, value");
        }
        if (f.position() != null && !f.position().equals("right") && !f.position().equals("below")) {
            throw new IllegalArgumentException(at + "position must be right or below, not '" + f.position() + "'");
        }
        compile(at + "regex", f.regex());
        compile(at + "pattern", f.pattern());
        try {
            format.with(f.dateFormat(), f.decimalSeparator(), f.withUnit());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + e.getMessage());
        }
    }

    private static void checkTable(TableSpec t, FieldFormat format) {
        if (t.header() == null || t.header().isBlank()) {
            throw new IllegalArgumentException("table: header (the label of the header row) is required");
        }
        if (t.columns() == null || t.columns().isEmpty()) {
            throw new IllegalArgumentException("table: columns are required");
        }
        t.columns().forEach((field, c) -> {
            String at = "table column " + field + ": ";
            if (!field.startsWith("lines.") || !CanonicalFields.LINE.containsKey(field.substring(6))) {
                throw new IllegalArgumentException(at + "not a canonical line field (lines." + CanonicalFields.LINE.keySet()
                        + ")");
            }
            if (c == null || c.to() <= c.from()) {
                throw new IllegalArgumentException(at + "needs from < to (x range in points)");
            }
            try {
                format.with(c.dateFormat(), c.decimalSeparator(), c.withUnit());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage());
            }
        });
        if (t.rowKey() != null && !t.columns().containsKey(t.rowKey())) {
            throw new IllegalArgumentException("table: rowKey '" + t.rowKey() + "' is not one of the columns");
        }
    }

    private static void compile(String what, String regex) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(what + " is not a regular expression: " + e.getDescription());
        }
    }

    /** The column whose empty cell marks a row as the continuation of the line above. */
    String rowKey() {
        if (table.rowKey() != null) {
            return table.rowKey();
        }
        return table.columns().entrySet().stream().filter(e -> !e.getValue().isOptional()).map(Map.Entry::getKey)
                .findFirst().orElse(table.columns().keySet().iterator().next());
    }
}
