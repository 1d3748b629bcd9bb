package io.orderhub.csv;

import io.orderhub.intake.DocumentMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerDirectory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a CSV order sheet with the layout of the partner it comes from ({@code csv.mapping} in partners.yaml, a file in
 * {@code mappings/csv/}): rows with the same value in the layout's {@code orderBy} column are one order; each field's
 * provenance is its cell, {@code row 4, column C (quantity)} (rows counted from 1 including header rows; the name in
 * brackets is the column's header, or the field if the sheet has none).
 */
public final class CsvOrderMapper implements DocumentMapper {

    public static final String FORMAT = "csv-order";

    private final PartnerDirectory partners;
    private final CsvLayouts layouts;

    public CsvOrderMapper(PartnerDirectory partners, CsvLayouts layouts) {
        this.partners = partners;
        this.layouts = layouts;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public MappingResult map(InboundDocument document) {
        Optional<Partner> partner = partners.find(document.senderHint());
        if (partner.isEmpty() || partner.get().csv() == null) {
            return reject("", "no-csv-layout", "a CSV order sheet is read with its sender's layout, and sender '"
                    + document.senderHint() + "' has no csv: block in the partner file");
        }
        String mapping = partner.get().csv().mapping();
        Optional<CsvLayout> layout = layouts.find(mapping);
        if (layout.isEmpty()) {
            return reject("", "no-csv-layout", "partner " + partner.get().id() + " names CSV layout '" + mapping
                    + "', which is not in mappings/csv (known: " + layouts.names() + ")");
        }
        List<CSVRecord> records;
        try {
            records = parse(document.content(), layout.get());
        } catch (UncheckedIOException | IllegalStateException e) {
            return reject("", "bad-csv", "not a readable CSV sheet: " + e.getMessage());
        }
        return orders(records, layout.get(), document.senderHint());
    }

    private static MappingResult orders(List<CSVRecord> records, CsvLayout layout, String sender) {
        Map<Integer, String> labels = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, CsvOrderBuilder> orders = new LinkedHashMap<>();
        for (CSVRecord record : records) {
            long row = record.getRecordNumber();
            if (row <= layout.headerRows()) {
                for (int i = 0; i < record.size(); i++) {
                    if (!record.get(i).isBlank()) {
                        labels.put(i, record.get(i).trim());
                    }
                }
                continue;
            }
            if (blank(record)) {
                continue;
            }
            String po = cell(record, layout.orderBy());
            if (po.isEmpty()) {
                problems.add(new Problem("row " + row, "no-po-number", "row " + row + " has no value in column "
                        + CsvLayout.columnLetter(layout.orderBy()) + " (the PO number), so it belongs to no order"));
                continue;
            }
            Map<String, CsvCell> cells = new LinkedHashMap<>();
            layout.columns().forEach((column, field) -> {
                String value = cell(record, column);
                if (!value.isEmpty()) {
                    String label = labels.getOrDefault(column, field.substring(field.lastIndexOf('.') + 1));
                    cells.put(field, new CsvCell(value, "row " + row + ", column " + CsvLayout.columnLetter(column)
                            + " (" + label + ")"));
                }
            });
            orders.computeIfAbsent(po, k -> new CsvOrderBuilder(layout)).row(cells);
        }
        if (orders.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("", "no-order", "the sheet has no data rows"));
        }
        List<MappedOrder> mapped = new ArrayList<>();
        for (CsvOrderBuilder order : orders.values()) {
            mapped.add(order.build(mapped.size(), sender));
        }
        return new MappingResult(FORMAT, mapped, problems);
    }

    static List<CSVRecord> parse(byte[] content, CsvLayout layout) {
        String text = CsvSniffer.text(content == null ? new byte[0] : content);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).setTrim(true)
                .setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(CSVRecord record, int column) {
        return column < record.size() ? record.get(column).trim() : "";
    }

    private static boolean blank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static MappingResult reject(String path, String code, String message) {
        return MappingResult.rejected(FORMAT, List.of(new Problem(path, code, message)));
    }
}
