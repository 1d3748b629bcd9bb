package io.orderhub.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The known data a test PDF is generated from, so that what is read back can be checked field by field. */
public record SampleOrder(String poNumber, LocalDate orderDate, LocalDate deliveryDate, String buyerGln,
                          String shipToGln, String currency, List<Line> lines) {

    public record Line(String item, String description, BigDecimal quantity, String unit, BigDecimal unitPrice) {
        public BigDecimal amount() {
            return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
        }
    }

    public BigDecimal total() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static final String[] ITEMS = {"A-100", "A-200", "B-310", "C-4711", "K-220", "M-901", "P-1250", "X-77"};
    private static final String[] WORDS = {"Widget", "Bracket", "Hinge", "Bolt", "Washer", "Cable", "Gasket",
        "Lever", "Spring", "Valve", "steel", "brass", "small", "large", "zinc", "black"};
    private static final String[] UNITS = {"EA", "PCE", "KGM", "MTR", "BX"};

    /** A fixed order with three lines, the first of them with a long description. */
    public static SampleOrder fixed(String po) {
        return new SampleOrder(po, LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 4), "4012345000009",
                "4012345000016", "EUR", List.of(
                new Line("A-100", "Widget steel small zinc", new BigDecimal("5"), "EA", new BigDecimal("12.50")),
                new Line("B-310", "Hinge brass", new BigDecimal("120"), "PCE", new BigDecimal("1.95")),
                new Line("C-4711", "Valve black", new BigDecimal("2"), "EA", new BigDecimal("1234.50"))));
    }

    /** An order with varied data and {@code lines} lines, the same for the same seed. */
    public static SampleOrder random(long seed, int lines) {
        Random r = new Random(seed);
        List<Line> list = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String description = WORDS[r.nextInt(10)] + " " + WORDS[10 + r.nextInt(6)]
                    + (r.nextBoolean() ? " " + WORDS[r.nextInt(10)].toLowerCase() : "");
            list.add(new Line(ITEMS[r.nextInt(ITEMS.length)] + (r.nextInt(9) + 1), description,
                    BigDecimal.valueOf(1 + r.nextInt(500)), UNITS[r.nextInt(UNITS.length)],
                    BigDecimal.valueOf(50 + r.nextInt(250_000), 2)));
        }
        LocalDate date = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(330));
        return new SampleOrder("PO-" + (10000 + r.nextInt(90000)), date, date.plusDays(3 + r.nextInt(20)),
                "40" + (10000000000L + Math.floorMod(r.nextLong(), 89999999999L)), "40" + (10000000000L
                + Math.floorMod(r.nextLong(), 89999999999L)), "EUR", list);
    }
}
