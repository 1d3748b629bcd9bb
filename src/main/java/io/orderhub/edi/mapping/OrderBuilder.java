package io.orderhub.edi.mapping;

import io.orderhub.edi.EdiError;
import io.orderhub.edi.EdiMessage;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of one message, as the Smooks mapping binds it: created per message, filled by {@code jb:value}
 * bindings (all setters take the value as text; the builder converts it and records where it came from) and wired
 * parties and lines. First value wins for every field; a date's format qualifier and a quantity's unit are taken
 * from the same segment as the date or quantity.
 */
public class OrderBuilder {

    private final EdiMessage message;
    private Located poNumber;
    private Located orderDate;
    private Located fallbackOrderDate;
    private Located requestedDeliveryDate;
    private final List<Located> dateFormats = new ArrayList<>(2);
    private Located currency;
    private PartyBuilder buyer;
    private PartyBuilder seller;
    private PartyBuilder shipTo;
    private PartyBuilder billTo;
    private final List<PartyBuilder> parties = new ArrayList<>(4);
    private final List<LineBuilder> lines = new ArrayList<>();
    private final List<TextField> notes = new ArrayList<>();

    /** Created by Smooks for each message; every order builder a mapping creates becomes an order of its message. */
    public OrderBuilder() {
        EdiMapContext context = EdiMapContext.current();
        this.message = context.message();
        context.register(this);
    }

    /** The message this order was mapped from. */
    public EdiMessage message() {
        return message;
    }

    public void setPoNumber(String v) {
        if (poNumber == null) {
            poNumber = Located.of(v);
        }
    }

    public void setOrderDate(String v) {
        if (orderDate == null) {
            orderDate = Located.of(v);
        }
    }

    /** Used when no {@link #setOrderDate order date} is bound (e.g. EDIFACT DTM+4 when there is no DTM+137). */
    public void setFallbackOrderDate(String v) {
        if (fallbackOrderDate == null) {
            fallbackOrderDate = Located.of(v);
        }
    }

    public void setRequestedDeliveryDate(String v) {
        if (requestedDeliveryDate == null) {
            requestedDeliveryDate = Located.of(v);
        }
    }

    /** A date/time format qualifier (EDIFACT 2379); applies to the date bound from the same segment. */
    public void setDateFormat(String v) {
        dateFormats.add(Located.of(v));
    }

    public void setCurrency(String v) {
        if (currency == null) {
            currency = Located.of(v);
        }
    }

    public void setBuyer(PartyBuilder p) {
        if (buyer == null) {
            buyer = p;
        }
    }

    public void setSeller(PartyBuilder p) {
        if (seller == null) {
            seller = p;
        }
    }

    public void setShipTo(PartyBuilder p) {
        if (shipTo == null) {
            shipTo = p;
        }
    }

    public void setBillTo(PartyBuilder p) {
        if (billTo == null) {
            billTo = p;
        }
    }

    /**
     * A party of the message (one per NAD group / N1 loop) whose roles are bound on it; for each role the first party
     * playing it is taken, unless a role was wired directly ({@link #setBuyer} ...).
     */
    public void addParty(PartyBuilder party) {
        parties.add(party);
    }

    private PartyBuilder role(PartyBuilder wired, PartyBuilder.Role role) {
        if (wired != null) {
            return wired;
        }
        for (PartyBuilder p : parties) {
            if (p.plays(role)) {
                return p;
            }
        }
        return null;
    }

    public void addLine(LineBuilder line) {
        lines.add(line);
    }

    /** Free text; values of the same segment form one note, each further segment a new note. */
    public void addNote(String v) {
        if (v == null || v.isBlank()) {
            return;
        }
        TextField last = notes.isEmpty() ? null : notes.get(notes.size() - 1);
        Located l = Located.of(v);
        if (last != null && last.located() != null && last.located().sameSegment(l)) {
            last.set(v);
        } else {
            TextField f = new TextField();
            f.set(v);
            notes.add(f);
        }
    }

    /**
     * The canonical order with provenance; the message's validation errors and any value that could not be converted
     * become the order's problems.
     *
     * @param sender       the partner id (or, failing that, who the channel or interchange says sent it)
     * @param senderSource where the sender was read, or null when it was not read from the EDI
     */
    public MappedOrder build(int index, String sender, SourceRef senderSource) {
        Assembly a = new Assembly();
        if (senderSource != null && sender != null) {
            a.provenance.put("/sender", senderSource);
        }
        List<OrderLine> built = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            built.add(lines.get(i).build("/lines/" + i, i + 1, a));
        }
        List<String> noteTexts = new ArrayList<>(notes.size());
        for (TextField n : notes) {
            noteTexts.add(a.text("/notes/" + noteTexts.size(), n));
        }
        CanonicalOrder order = new CanonicalOrder(sender, null, a.text("/poNumber", poNumber),
                a.date("/orderDate", orderDate != null ? orderDate : fallbackOrderDate,
                        formatOf(orderDate != null ? orderDate : fallbackOrderDate)),
                a.date("/requestedDeliveryDate", requestedDeliveryDate, formatOf(requestedDeliveryDate)),
                a.text("/currency", currency),
                party(role(buyer, PartyBuilder.Role.BUYER), "/buyer", a), party(role(seller, PartyBuilder.Role.SELLER), "/seller", a),
                party(role(shipTo, PartyBuilder.Role.SHIP_TO), "/shipTo", a), party(role(billTo, PartyBuilder.Role.BILL_TO), "/billTo", a),
                built, noteTexts);
        List<Problem> problems = new ArrayList<>();
        for (EdiError e : message.errors()) {
            if (e.isError()) {
                problems.add(e.toProblem());
            }
        }
        problems.addAll(a.problems);
        return new MappedOrder(index, order, a.provenance, problems);
    }

    private Located formatOf(Located date) {
        for (Located f : dateFormats) {
            if (f.sameSegment(date)) {
                return f;
            }
        }
        return null;
    }

    private static io.orderhub.model.Party party(PartyBuilder p, String pointer, Assembly a) {
        return p == null ? null : p.build(pointer, a);
    }
}
