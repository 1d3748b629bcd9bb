package io.orderhub.edi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What was read from one EDI file: its interchanges with their groups and messages, control numbers, validation
 * results and errors, and the errors that belong to no interchange (unreadable input, data between interchanges).
 */
public final class EdiDocument {

    private final List<EdiInterchange> interchanges = new ArrayList<>();
    private final List<EdiError> errors = new ArrayList<>();

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

    void add(EdiInterchange interchange) {
        interchanges.add(interchange);
    }

    void error(EdiError error) {
        errors.add(error);
    }
}
