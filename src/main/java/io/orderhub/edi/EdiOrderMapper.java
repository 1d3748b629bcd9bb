package io.orderhub.edi;

import io.orderhub.edi.mapping.EdiMapContext;
import io.orderhub.edi.mapping.OrderBuilder;
import io.orderhub.edi.smooks.EdiSaxInput;
import io.orderhub.intake.DocumentMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;
import io.orderhub.validation.Partner;
import org.smooks.api.ExecutionContext;
import org.smooks.io.source.StringSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Maps EDI files (EDIFACT ORDERS, X12 850) to canonical orders: reads them with {@link EdiReader}, and runs each
 * interchange through the Smooks mapping of its sending partner (or the default mapping), one order per message.
 * A message that breaks its schema but whose header can be read still becomes an order, carrying its errors as
 * problems (so it goes to review); messages of other types, envelope errors and unreadable parts are the document's
 * problems. Orders are produced message by message ({@link #stream}), so memory does not grow with the file beyond
 * what the caller keeps. Thread-safe.
 */
public class EdiOrderMapper implements DocumentMapper {

    private static final Logger LOG = LoggerFactory.getLogger(EdiOrderMapper.class);

    /** The mapping result together with the interchange structure acknowledgements are written from. */
    public record Outcome(MappingResult result, EdiDocument edi) {
    }

    /** What remains of a streamed mapping once every order has been handed out. */
    public record Streamed(List<Problem> problems, int orders, EdiDocument edi) {
    }

    /** Receives a streamed document's interchanges and orders in file order (see {@link #stream(InboundDocument, Sink)}). */
    public interface Sink {

        /** An interchange whose header has been read, before any order of its messages. */
        default void interchange(EdiInterchange interchange) {
        }

        /** One order, with the message it was mapped from. */
        void order(EdiMessage message, MappedOrder order);
    }

    private final String format;
    private final EdiReader reader;
    /** Compiled at start on a thread of its own (io.orderhub.support.StartupTasks); got at the first EDI document. */
    private final Supplier<EdiMappings> mappings;

    protected EdiOrderMapper(String format, EdiReader reader, Supplier<EdiMappings> mappings) {
        this.format = format;
        this.reader = reader;
        this.mappings = mappings;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public MappingResult map(InboundDocument document) {
        return mapEdi(document).result();
    }

    /** Maps a document and returns the parsed interchange structure with it. */
    public Outcome mapEdi(InboundDocument document) {
        List<MappedOrder> orders = new ArrayList<>();
        Streamed s = stream(document, (message, order) -> orders.add(order), true);
        return new Outcome(new MappingResult(format, orders, s.problems(), List.of(s.edi())), s.edi());
    }

    /**
     * Maps a document message by message: each order goes to {@code sink} as soon as its message is mapped (orders are
     * numbered in file order). Returns the document's problems (envelopes, unreadable parts, messages that are not
     * orders) and its interchange structure.
     */
    public Streamed stream(InboundDocument document, Consumer<MappedOrder> sink) {
        return stream(document, (message, order) -> sink.accept(order), false);
    }

    /**
     * Like {@link #stream(InboundDocument, Consumer)}, and tells the sink each interchange before its orders (so a
     * streaming commit can register it and flag the orders of a repeated one) and each order's message.
     */
    public Streamed stream(InboundDocument document, Sink sink) {
        return stream(document, sink, false);
    }

    /**
     * @param recordSources whether the document remembers which message each order came from (for duplicate checks
     *                      and order responses); off for pure streaming, where orders must not be kept
     */
    private Streamed stream(InboundDocument document, Sink sink, boolean recordSources) {
        EdiStream stream = reader.open(document.content());
        List<Problem> mappingProblems = new ArrayList<>();
        int[] count = {0};
        EdiInterchange interchange;
        while ((interchange = stream.nextInterchange()) != null) {
            sink.interchange(interchange);
            mapInterchange(document, stream, interchange, sink, count, mappingProblems, recordSources);
        }
        EdiDocument edi = stream.document();
        List<Problem> problems = documentProblems(edi);
        problems.addAll(mappingProblems);
        if (count[0] == 0 && problems.isEmpty()) {
            problems.add(new Problem("", "no-orders", "the file contains no purchase order message"));
        }
        return new Streamed(problems, count[0], edi);
    }

    private void mapInterchange(InboundDocument document, EdiStream stream, EdiInterchange interchange,
                                Sink sink, int[] count, List<Problem> problems, boolean recordSources) {
        EdiMappings compiled = mappings.get();
        EdiMappings.Mapping mapping = compiled.forInterchange(interchange);
        Optional<Partner> partner = compiled.partners().bySender(interchange.senderId());
        String sender = partner.map(Partner::id).orElse(document.senderHint() != null ? document.senderHint() : interchange.senderId());
        SourceRef senderSource = partner.isPresent() || document.senderHint() == null ? senderRef(interchange) : null;
        EdiMapContext context = new EdiMapContext(interchange, (message, builders) -> {
            if (builders.isEmpty()) {
                problems.add(new Problem(message.path(), "no-order", "the mapping " + mapping.file() + " made no order of "
                        + message.type() + " message " + message.controlNumber()));
            }
            for (OrderBuilder b : builders) {
                MappedOrder order = b.build(count[0], sender, senderSource);
                count[0]++;
                if (recordSources) {
                    stream.document().recordOrder(order.order(), message);
                }
                sink.order(message, order);
            }
        });
        try {
            ExecutionContext execution = mapping.smooks().createExecutionContext();
            execution.put(EdiSaxInput.KEY, new EdiSaxInput(stream, interchange, context));
            mapping.smooks().filterSource(execution, new StringSource(""));
        } catch (RuntimeException e) {
            LOG.error("EDI mapping {} failed on interchange {} of document {}", mapping.file(), interchange.controlNumber(), document.id(), e);
            problems.add(new Problem(interchange.path(), "mapping-failed", "the mapping " + mapping.file() + " failed: " + e));
            return;
        }
        Set<EdiMessage> mapped = Collections.newSetFromMap(new IdentityHashMap<>());
        mapped.addAll(context.mapped());
        for (EdiMessage m : interchange.messages()) {
            if (!mapped.contains(m)) {
                problems.add(new Problem(m.path(), "not-an-order", m.type() == null ? "a message whose header cannot be read"
                        : interchange.standard().messageHeader() + " " + m.type() + " " + m.controlNumber()
                        + " is not a purchase order; it was not mapped"));
            }
        }
    }

    private static SourceRef senderRef(EdiInterchange interchange) {
        String element = interchange.standard() == EdiStandard.EDIFACT ? "2.1" : "6";
        return new SourceRef("edi", interchange.path() + " / seg 1 " + interchange.standard().interchangeHeader()
                + " / el " + element, 1.0);
    }

    /** Errors outside the orders: unreadable parts, envelopes, header warnings, schemas not listed for a version. */
    private static List<Problem> documentProblems(EdiDocument edi) {
        List<Problem> problems = new ArrayList<>();
        for (EdiError e : edi.errors()) {
            problems.add(e.toProblem());
        }
        for (EdiInterchange i : edi.interchanges()) {
            for (EdiError e : i.errors()) {
                problems.add(e.toProblem());
            }
            for (EdiGroup g : i.groups()) {
                for (EdiError e : g.errors()) {
                    problems.add(e.toProblem());
                }
            }
            for (EdiMessage m : i.messages()) {
                for (EdiError e : m.errors()) {
                    if (!e.isError()) {
                        problems.add(e.toProblem());
                    }
                }
                if (m.schemaFallback()) {
                    problems.add(new Problem(m.path(), "schema-fallback", m.type() + " " + m.version()
                            + " is not listed in the schema index; validated against " + m.schemaFile()));
                }
            }
        }
        return problems;
    }
}
