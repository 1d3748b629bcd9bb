package io.orderhub.edi;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.Envelope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was read from one EDI file: its interchanges with their groups and messages, control numbers, validation
 * results and errors, and the errors that belong to no interchange (unreadable input, data between interchanges).
 */
public final class EdiDocument implements Envelope {

    private final List<EdiInterchange> interchanges = new ArrayList<>();
    private final List<EdiError> errors = new ArrayList<>();
    /** The message each mapped order came from, by the order's identity (orders keep it through the pipeline). */
    private final Map<CanonicalOrder, EdiMessage> orderSources = Collections.synchronizedMap(new IdentityHashMap<>());

    public List<EdiInterchange> interchanges() {
        return Collections.unmodifiableList(interchanges);
    }

    /** Errors outside any interchange. */
    public List<EdiError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** All messages of all interchanges, in file order. */
    public List<EdiMessage> messages() {
        List<EdiMessage> all = new ArrayList<>();
        for (EdiInterchange i : interchanges) {
            all.addAll(i.messages());
        }
        return all;
    }

    /** The message an order mapped from this document came from. */
    public Optional<EdiMessage> sourceOf(CanonicalOrder order) {
        return Optional.ofNullable(orderSources.get(order));
    }

    void recordOrder(CanonicalOrder order, EdiMessage message) {
        orderSources.put(order, message);
    }

    void add(EdiInterchange interchange) {
        interchanges.add(interchange);
    }

    void error(EdiError error) {
        errors.add(error);
    }
}
