package io.orderhub.validation;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A partner's item catalogue: item numbers and GTINs with their agreed unit price. */
public final class Catalogue {

    public record Item(String item, String gtin, String description, BigDecimal unitPrice) {
    }

    private final Map<String, Item> byKey = new HashMap<>();

    public static Catalogue load(Path file) {
        Catalogue catalogue = new Catalogue();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                String price = row.isMapped("unitPrice") ? row.get("unitPrice") : "";
                Item item = new Item(row.get("item"), row.isMapped("gtin") ? row.get("gtin") : "",
                        row.isMapped("description") ? row.get("description") : "",
                        price.isEmpty() ? null : new BigDecimal(price));
                catalogue.byKey.put(item.item(), item);
                if (!item.gtin().isEmpty()) {
                    catalogue.byKey.put(item.gtin(), item);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read catalogue " + file + ": " + e.getMessage(), e);
        }
        return catalogue;
    }

    /** Looks an item up by any of the numbers a line may carry. */
    public Optional<Item> find(String... keys) {
        for (String key : keys) {
            if (key != null && byKey.containsKey(key)) {
                return Optional.of(byKey.get(key));
            }
        }
        return Optional.empty();
    }
}
