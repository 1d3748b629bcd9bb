package io.orderhub.csv;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.orderhub.xml.XmlBindings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A partner's CSV order sheet layout, one YAML file under {@code mappings/csv/} (see README there).
 *
 * @param delimiter        the field separator (one character; {@code \t} for tab)
 * @param headerRows       rows before the first data row; the last of them names the columns for locators
 * @param decimalSeparator {@code .} or {@code ,}; with {@code ,} dots and spaces in numbers are grouping
 * @param dateFormat       a java.time pattern for date columns, e.g. {@code dd.MM.yyyy}
 * @param orderBy          the column (letter) whose value groups rows into orders: the PO number
 * @param columns          column letter to canonical field ({@code poNumber}, {@code buyer.id}, {@code lines.quantity})
 * @param constants        canonical header fields with a fixed value for every order of this layout
 */
public record CsvLayout(String name, char delimiter, int headerRows, char decimalSeparator, DateTimeFormatter dateFormat,
                        int orderBy, Map<Integer, String> columns, Map<String, String> constants) {

    private static final Pattern LETTERS = Pattern.compile("[A-Z]{1,2}");

    /** The YAML shape of a layout file. */
    record Spec(String description, String delimiter, Integer headerRows, String decimalSeparator,
                String dateFormat, String orderBy, Map<String, String> columns, Map<String, String> constants) {
    }

    public static CsvLayout load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            return of(file.getFileName().toString(), yaml.readValue(Files.readAllBytes(file), Spec.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read CSV layout " + file + ": " + e.getMessage(), e);
        }
    }

    static CsvLayout of(String name, Spec spec) {
        String delimiter = spec.delimiter() == null ? "," : spec.delimiter().replace("\\t", "\t");
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("delimiter must be one character, not '" + delimiter + "'");
        }
        String decimal = spec.decimalSeparator() == null ? "." : spec.decimalSeparator();
        if (!decimal.equals(".") && !decimal.equals(",")) {
            throw new IllegalArgumentException("decimalSeparator must be '.' or ','");
        }
        if (spec.orderBy() == null) {
            throw new IllegalArgumentException("orderBy (the column with the PO number) is required");
        }
        Map<Integer, String> columns = new LinkedHashMap<>();
        if (spec.columns() == null || spec.columns().isEmpty()) {
            throw new IllegalArgumentException("columns are required");
        }
        spec.columns().forEach((letter, field) -> {
            String f = field.trim();
            boolean known = f.startsWith("lines.") ? XmlBindings.LINE_FIELDS.contains(f.substring(6))
                    : XmlBindings.HEADER_FIELDS.contains(f);
            if (!known) {
                throw new IllegalArgumentException("column " + letter + ": '" + f + "' is not a canonical order field");
            }
            columns.put(columnIndex(letter), f);
        });
        Map<String, String> constants = spec.constants() == null ? Map.of() : Map.copyOf(spec.constants());
        constants.keySet().forEach(k -> {
            if (!XmlBindings.HEADER_FIELDS.contains(k)) {
                throw new IllegalArgumentException("constant '" + k + "' is not a canonical order header field");
            }
        });
        return new CsvLayout(name, delimiter.charAt(0), spec.headerRows() == null ? 1 : spec.headerRows(),
                decimal.charAt(0), DateTimeFormatter.ofPattern(spec.dateFormat() == null ? "yyyy-MM-dd"
                : spec.dateFormat()), columnIndex(spec.orderBy()), Map.copyOf(columns), constants);
    }

    /** 0-based index of a column letter: A = 0, Z = 25, AA = 26. */
    static int columnIndex(String letter) {
        String l = letter.trim().toUpperCase(java.util.Locale.ROOT);
        if (!LETTERS.matcher(l).matches()) {
            throw new IllegalArgumentException("'" + letter + "' is not a column letter (A, B, ... AA)");
        }
        int n = 0;
        for (char c : l.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    /** The letter of a 0-based column index. */
    static String columnLetter(int index) {
        StringBuilder s = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }
}
