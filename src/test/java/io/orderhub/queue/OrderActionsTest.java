package io.orderhub.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge patch a correction applies and the before/after it records. */
class OrderActionsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void mergePatchMergesObjectsReplacesArraysAndRemovesNulls() throws Exception {
        JsonNode order = json("""
                {"poNumber": "PO-1", "buyer": {"id": "1", "name": "Old"}, "notes": ["a"],
                 "lines": [{"buyerItem": "X", "quantity": 1}, {"buyerItem": "Y", "quantity": 2}]}""");
        JsonNode patched = OrderActions.mergePatch(order.deepCopy(), json("""
                {"buyer": {"name": "New"}, "notes": null, "lines": [{"buyerItem": "Z", "quantity": 3}], "currency": "EUR"}"""));
        assertThat(patched).isEqualTo(json("""
                {"poNumber": "PO-1", "buyer": {"id": "1", "name": "New"},
                 "lines": [{"buyerItem": "Z", "quantity": 3}], "currency": "EUR"}"""));
    }

    @Test
    void diffListsChangedLeavesByPointerWithBeforeAndAfter() throws Exception {
        JsonNode before = json("""
                {"poNumber": "PO-1", "buyer": {"id": "1", "name": "Old"}, "notes": ["a"],
                 "lines": [{"buyerItem": "X", "unitPrice": 12.5}, {"buyerItem": "Y"}]}""");
        JsonNode after = json("""
                {"poNumber": "PO-1", "buyer": {"id": "1", "name": "New"}, "currency": "EUR",
                 "lines": [{"buyerItem": "X", "unitPrice": 12.50}]}""");
        List<OrderActions.Change> changes = new ArrayList<>();
        OrderActions.diff("", before, after, changes);
        assertThat(changes).extracting(OrderActions.Change::path)
                .containsExactly("/buyer/name", "/currency", "/lines/1", "/notes");
        assertThat(changes.get(0).before().asText()).isEqualTo("Old");
        assertThat(changes.get(0).after().asText()).isEqualTo("New");
        assertThat(changes.get(1).before()).isNull();
        assertThat(changes.get(2).before()).isEqualTo(json("{\"buyerItem\": \"Y\"}"));
        assertThat(changes.get(2).after()).isNull();
        assertThat(changes.get(3).before()).isEqualTo(json("[\"a\"]"));
    }

    @Test
    void unchangedOrderHasNoChanges() throws Exception {
        JsonNode order = json("{\"poNumber\": \"PO-1\", \"lines\": [{\"quantity\": 5}]}");
        List<OrderActions.Change> changes = new ArrayList<>();
        OrderActions.diff("", order, OrderActions.mergePatch(order.deepCopy(), json("{}")), changes);
        assertThat(changes).isEmpty();
    }
}
