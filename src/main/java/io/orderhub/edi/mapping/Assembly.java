package io.orderhub.edi.mapping;

import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Collects provenance and conversion problems while the builders turn bound values into a canonical order. */
final class Assembly {

    final Map<String, SourceRef> provenance = new TreeMap<>();
    final List<Problem> problems = new ArrayList<>();

    String text(String pointer, Located v) {
        if (v == null) {
            return null;
        }
        provenance.put(pointer, v.source());
        return v.value().strip();
    }

    String text(String pointer, TextField f) {
        if (f.value() == null) {
            return null;
        }
        provenance.put(pointer, f.located().source());
        return f.value();
    }

    LocalDate date(String pointer, Located v, Located format) {
        return convert(pointer, v, s -> EdiValues.date(s, format == null ? null : format.value()), "invalid-date");
    }

    BigDecimal decimal(String pointer, Located v) {
        return convert(pointer, v, EdiValues::decimal, "invalid-number");
    }

    Integer integer(String pointer, Located v) {
        return convert(pointer, v, EdiValues::integer, "invalid-number");
    }

    private <T> T convert(String pointer, Located v, Function<String, T> conversion, String code) {
        if (v == null) {
            return null;
        }
        try {
            T value = conversion.apply(v.value());
            provenance.put(pointer, v.source());
            return value;
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(v.problemPath(), code, pointer + ": " + e.getMessage()));
            return null;
        }
    }
}
