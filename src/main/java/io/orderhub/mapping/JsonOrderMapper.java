package io.orderhub.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orderhub.intake.DocumentMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Maps a JSON order of one shop format to the canonical order, as its {@link MappingSpec} says. The sender is the
 * partner the channel names ({@link InboundDocument#senderHint()}). Every value set has a provenance entry: its
 * pointer in the canonical order to its pointer in the original document. Bad input yields problems: all of them,
 * and then no order.
 */
public final class JsonOrderMapper implements DocumentMapper {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final MappingSpec spec;
    private final FieldReader reader;

    /** @param origin where the spec was read from (its file name), named in errors and in constants' provenance */
    public JsonOrderMapper(MappingSpec spec, String origin) {
        this.spec = spec.validated(origin);
        this.reader = new FieldReader(origin);
    }

    @Override
    public String format() {
        return spec.format();
    }

    public MappingSpec spec() {
        return spec;
    }

    @Override
    public MappingResult map(InboundDocument document) {
        List<Problem> problems = new ArrayList<>();
        JsonNode tree = parse(document.content(), problems);
        if (tree == null) {
            return MappingResult.rejected(format(), problems);
        }
        Root root = findRoot(tree);
        if (root == null) {
            return MappingResult.rejected(format(), List.of(new Problem("", ProblemCodes.ROOT_NOT_FOUND,
                    "no order object: none of " + spec.roots().stream().map(Pointers::show)
                            .collect(Collectors.joining(", ")) + " is a JSON object; the document is "
                            + ValueReader.kind(tree))));
        }
        Map<String, SourceRef> provenance = new TreeMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, FieldRule> e : spec.fields().entrySet()) {
            String field = e.getKey();
            FieldReader.Found found = reader.read(field, e.getValue(), CanonicalFields.HEADER.get(field), root.node(),
                    root.pointer(), problems);
            if (found != null) {
                values.put(field, found.value());
                provenance.put(CanonicalFields.pointer(field), found.source());
            }
        }
        List<OrderLine> lines = lines(root, provenance, problems);
        if (!problems.isEmpty()) {
            return MappingResult.rejected(format(), problems);
        }
        CanonicalOrder order = OrderAssembler.order(document.senderHint(), values, lines);
        return new MappingResult(format(), List.of(new MappedOrder(0, order, provenance)), List.of());
    }

    private List<OrderLine> lines(Root root, Map<String, SourceRef> provenance, List<Problem> problems) {
        LineRules rules = spec.lines();
        String at = root.pointer() + rules.from();
        JsonNode items = root.node().at(rules.from());
        if (items.isMissingNode() || items.isNull()) {
            problems.add(new Problem(at, ProblemCodes.MISSING, "the order has no line-item array " + rules.from()));
            return List.of();
        }
        if (!items.isArray()) {
            problems.add(new Problem(at, ProblemCodes.WRONG_TYPE, "the line items must be an array, are "
                    + ValueReader.kind(items)));
            return List.of();
        }
        if (items.isEmpty() && rules.required()) {
            problems.add(new Problem(at, ProblemCodes.NO_LINES,
                    "the order has no line items; the " + format() + " mapping requires at least one"));
        }
        List<OrderLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String itemAt = at + "/" + i;
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                problems.add(new Problem(itemAt, ProblemCodes.WRONG_TYPE, "a line item must be an object, is "
                        + ValueReader.kind(item)));
                continue;
            }
            lines.add(line(i, item, itemAt, provenance, problems));
        }
        return lines;
    }

    private OrderLine line(int index, JsonNode item, String itemAt, Map<String, SourceRef> provenance,
                           List<Problem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, FieldRule> e : spec.lines().fields().entrySet()) {
            String field = e.getKey();
            FieldReader.Found found = reader.read(field, e.getValue(), CanonicalFields.LINE.get(field), item, itemAt,
                    problems);
            if (found != null) {
                values.put(field, found.value());
                provenance.put(CanonicalFields.linePointer(index, field), found.source());
            }
        }
        if (!values.containsKey("lineNumber")) {
            // the position in the array is the line number; its source is the line item itself
            values.put("lineNumber", index + 1);
            provenance.put(CanonicalFields.linePointer(index, "lineNumber"), SourceRef.jsonPointer(itemAt));
        }
        return OrderAssembler.line(values);
    }

    private Root findRoot(JsonNode tree) {
        for (String pointer : spec.roots()) {
            JsonNode node = tree.at(pointer);
            if (node.isObject()) {
                return new Root(node, pointer);
            }
        }
        return null;
    }

    private static JsonNode parse(byte[] content, List<Problem> problems) {
        try {
            JsonNode tree = JSON.readTree(content == null ? new byte[0] : content);
            if (tree == null || tree.isMissingNode()) {
                problems.add(new Problem("", ProblemCodes.BAD_JSON, "the body is empty"));
                return null;
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            problems.add(new Problem(where, ProblemCodes.BAD_JSON, "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem("", ProblemCodes.BAD_JSON, "the body cannot be read: " + e.getMessage()));
        }
        return null;
    }

    /** The order object and its pointer in the original document. */
    private record Root(JsonNode node, String pointer) {
    }
}
