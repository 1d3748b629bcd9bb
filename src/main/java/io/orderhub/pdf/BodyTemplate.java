package io.orderhub.pdf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.orderhub.mapping.CanonicalFields;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A partner's template for orders typed into a mail's text, one YAML file under {@code mappings/body/} (see
 * mappings/pdf/README.md): header fields by a regular expression over the text or by a label whose value is the rest
 * of its line, or constants; lines by a pattern with named groups ({@code (?<quantity>...)}) matched against each
 * text line between optional start and end labels. Provenance is {@code line 4, column 12} in the text.
 */
public record BodyTemplate(String name, FieldFormat format, Map<String, Field> fields, Pattern linePattern,
                           List<String> lineGroups, String start, String end) {

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /** Where a header field is: exactly one of {@code regex} (first group, or whole match), {@code anchor}, {@code value}. */
    public record Field(String regex, String anchor, String value, String dateFormat, String decimalSeparator,
                        Boolean optional) {
    }

    /** The lines: a pattern whose named groups are line fields, tried on every text line between start and end. */
    public record Lines(String pattern, String start, String end, Boolean withUnit) {
    }

    record Spec(String description, String dateFormat, String decimalSeparator, Map<String, Field> fields, Lines lines) {
    }

    public static BodyTemplate load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            Spec spec = yaml.readValue(Files.readAllBytes(file), Spec.class);
            return of(file.getFileName().toString(), spec);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read body template " + file + ": " + e.getMessage(), e);
        }
    }

    static BodyTemplate of(String name, Spec spec) {
        FieldFormat format = FieldFormat.DEFAULT.with(spec.dateFormat(), spec.decimalSeparator(), null);
        Map<String, Field> fields = spec.fields() == null ? Map.of() : spec.fields();
        fields.forEach((field, f) -> {
            if (!CanonicalFields.HEADER.containsKey(field)) {
                throw new IllegalArgumentException("field " + field + ": not a canonical order header field");
            }
            int ways = (f.regex() != null ? 1 : 0) + (f.anchor() != null ? 1 : 0) + (f.value() != null ? 1 : 0);
            if (ways != 1) {
                throw new IllegalArgumentException("field " + field + ": needs exactly one of regex, anchor, value");
            }
            compile("field " + field + ": regex", f.regex());
            format.with(f.dateFormat(), f.decimalSeparator(), null);
        });
        if (spec.lines() == null || spec.lines().pattern() == null) {
            throw new IllegalArgumentException("lines.pattern (a regular expression with named groups) is required");
        }
        Pattern line = compile("lines.pattern", spec.lines().pattern());
        List<String> groups = new ArrayList<>();
        Matcher g = NAMED_GROUP.matcher(spec.lines().pattern());
        while (g.find()) {
            if (!CanonicalFields.LINE.containsKey(g.group(1))) {
                throw new IllegalArgumentException("lines.pattern: group '" + g.group(1)
                        + "' is not a canonical line field " + CanonicalFields.LINE.keySet());
            }
            groups.add(g.group(1));
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("lines.pattern has no named group such as (?<quantity>...)");
        }
        FieldFormat lineFormat = format.with(null, null, spec.lines().withUnit());
        return new BodyTemplate(name, lineFormat, new LinkedHashMap<>(fields), line, List.copyOf(groups),
                spec.lines().start(), spec.lines().end());
    }

    private static Pattern compile(String what, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(what + " is not a regular expression: " + e.getDescription());
        }
    }

    /** The order in this text, or a rejected result naming what is missing when neither fields nor lines are found. */
    public MappingResult apply(String sender, String text) {
        String[] rows = text.replace("\r\n", "\n").split("\n", -1);
        Map<String, Extracted> header = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        fields.forEach((field, f) -> {
            FieldFormat ff = format.with(f.dateFormat(), f.decimalSeparator(), false);
            Extracted e = f.value() != null
                    ? new Extracted(f.value(), "template " + name + ", constant " + field, 1, 1, ff)
                    : f.regex() != null ? byRegex(rows, Pattern.compile(f.regex()), ff) : byAnchor(rows, f.anchor(), ff);
            if (e != null) {
                header.put(field, e);
            } else if (!Boolean.TRUE.equals(f.optional())) {
                problems.add(new Problem(CanonicalFields.pointer(field), "field-not-found", field + ": "
                        + (f.regex() != null ? "the pattern '" + f.regex() + "'" : "the label '" + f.anchor() + "'")
                        + " is not in the text (body template " + name + ")"));
            }
        });
        List<Map<String, Extracted>> lines = lines(rows);
        if (lines.isEmpty()) {
            problems.add(new Problem("/lines", "no-lines", "no text line matches the line pattern of body template "
                    + name));
        }
        if (header.values().stream().allMatch(e -> e.locator().startsWith("template ")) && lines.isEmpty()) {
            problems.add(0, new Problem("", "no-order", "nothing that body template " + name
                    + " expects is in the text; it is kept for review"));
            return MappingResult.rejected("body", problems);
        }
        MappedOrder order = new OrderFields("body", null).build(0, sender, header, lines, problems);
        return new MappingResult("body", List.of(order), List.of());
    }

    private static Extracted byRegex(String[] rows, Pattern regex, FieldFormat format) {
        for (int i = 0; i < rows.length; i++) {
            Matcher m = regex.matcher(rows[i]);
            if (m.find()) {
                int g = m.groupCount() > 0 && m.group(1) != null ? 1 : 0;
                return new Extracted(m.group(g).strip(), locator(i, m.start(g)), 1, 1, format);
            }
        }
        return null;
    }

    private static Extracted byAnchor(String[] rows, String label, FieldFormat format) {
        for (int i = 0; i < rows.length; i++) {
            int at = rows[i].toLowerCase(java.util.Locale.ROOT).indexOf(label.toLowerCase(java.util.Locale.ROOT));
            if (at >= 0) {
                int from = at + label.length();
                String rest = rows[i].substring(from);
                int lead = rest.length() - rest.stripLeading().length();
                if (!rest.isBlank()) {
                    return new Extracted(rest.strip(), locator(i, from + lead), 1, 1, format);
                }
            }
        }
        return null;
    }

    private List<Map<String, Extracted>> lines(String[] rows) {
        List<Map<String, Extracted>> lines = new ArrayList<>();
        boolean inside = start == null;
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i];
            if (!inside) {
                inside = row.toLowerCase(java.util.Locale.ROOT).contains(start.toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            if (end != null && row.toLowerCase(java.util.Locale.ROOT).contains(end.toLowerCase(java.util.Locale.ROOT))) {
                break;
            }
            Matcher m = linePattern.matcher(row);
            if (!m.find()) {
                continue;
            }
            Map<String, Extracted> line = new LinkedHashMap<>();
            for (String group : lineGroups) {
                if (m.group(group) != null && !m.group(group).isBlank()) {
                    line.put(group, new Extracted(m.group(group).strip(), locator(i, m.start(group)), 1, 1, format));
                }
            }
            lines.add(line);
        }
        return lines;
    }

    /** {@code line 4, column 12}, both counted from 1. */
    private static String locator(int row, int column) {
        return "line " + (row + 1) + ", column " + (column + 1);
    }
}
