package io.orderhub.edi.mapping;

import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiLoop;
import io.orderhub.edi.EdiMessage;
import io.orderhub.edi.EdiNode;
import io.orderhub.edi.EdiSegment;
import io.orderhub.edi.EdiValueRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What the mapping beans need to know while Smooks maps one interchange: the message and segment being emitted, so
 * each bound value can be traced to its exact position. Installed for the current thread by the EDI SAX reader for
 * the duration of one Smooks filter call (Smooks calls the beans synchronously from inside the reader's parse).
 */
public final class EdiMapContext {

    private static final ThreadLocal<EdiMapContext> CURRENT = new ThreadLocal<>();

    private final EdiInterchange interchange;
    private final BiConsumer<EdiMessage, List<OrderBuilder>> onMessageMapped;
    private final List<EdiMessage> mapped = new ArrayList<>();
    private final List<OrderBuilder> orders = new ArrayList<>(1);
    private EdiMessage message;
    private EdiSegment segment;

    /**
     * @param onMessageMapped receives each message with the orders the mapping made of it, as soon as the message's
     *                        events have been through Smooks (so a large interchange is never held in memory whole)
     */
    public EdiMapContext(EdiInterchange interchange, BiConsumer<EdiMessage, List<OrderBuilder>> onMessageMapped) {
        this.interchange = interchange;
        this.onMessageMapped = onMessageMapped;
    }

    /** The context of the mapping running on this thread. */
    public static EdiMapContext current() {
        EdiMapContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("EDI mapping beans are only used inside an EDI Smooks mapping");
        }
        return c;
    }

    public void enter() {
        CURRENT.set(this);
    }

    public void exit() {
        CURRENT.remove();
    }

    public EdiInterchange interchange() {
        return interchange;
    }

    /** The message being mapped. */
    public EdiMessage message() {
        return message;
    }

    /** The messages handed to the mapping, in order (identification only: their bodies are released once mapped). */
    public List<EdiMessage> mapped() {
        return Collections.unmodifiableList(mapped);
    }

    public void message(EdiMessage m) {
        this.message = m;
        this.segment = null;
        mapped.add(m);
    }

    /** Called by the reader once all of the current message's events have been emitted. */
    public void messageEnd() {
        List<OrderBuilder> made = List.copyOf(orders);
        orders.clear();
        onMessageMapped.accept(message, made);
        message = null;
        segment = null;
    }

    void register(OrderBuilder order) {
        orders.add(order);
    }

    public void segment(EdiSegment s) {
        this.segment = s;
    }

    /**
     * Where a bound value came from. Values are matched by identity first (Smooks hands the reader's String instance
     * through to the bean), then by equality within the current segment, then by identity anywhere in the message.
     */
    public EdiValueRef locate(String value) {
        if (message == null || value == null) {
            return null;
        }
        if (segment != null) {
            int i = segment.indexOfInstance(value);
            if (i < 0) {
                i = segment.indexOfValue(value);
            }
            if (i >= 0) {
                return ref(segment, i);
            }
        }
        EdiValueRef found = find(message.body(), value);
        return found != null ? found : new EdiValueRef(message, null, 0, 0, 0);
    }

    private EdiValueRef find(List<EdiNode> nodes, String value) {
        for (EdiNode n : nodes) {
            if (n instanceof EdiSegment s) {
                int i = s.indexOfInstance(value);
                if (i >= 0) {
                    return ref(s, i);
                }
            } else if (n instanceof EdiLoop l) {
                EdiValueRef r = find(l.children(), value);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    private EdiValueRef ref(EdiSegment s, int i) {
        return new EdiValueRef(message, s, s.elementAt(i), s.componentAt(i), s.repetitionAt(i));
    }
}
