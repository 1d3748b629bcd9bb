package io.orderhub.intake;

import io.orderhub.edi.EdiDocument;
import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiMessage;
import io.orderhub.edi.EdiOrderMapper;
import io.orderhub.edi.ack.InterchangeRegistry;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.queue.Intake;
import io.orderhub.queue.IntakeOutcome;
import io.orderhub.queue.PlannedOrder;
import io.orderhub.queue.StreamingCommit;

import org.apache.camel.Body;
import org.apache.camel.Exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Steps 3 to 6 of the pipeline for large EDI files (at least {@code orderhub.edi.stream-threshold-bytes}): each
 * message is mapped, validated and written as soon as it has been read, in one transaction (see
 * {@link StreamingCommit}), so neither the interchange's tree nor its orders are ever all in memory. Each interchange
 * is registered in that transaction as soon as its header is read ({@link InterchangeRegistry#registerOne}), so the
 * orders of a repeated interchange go to review with the problem {@value InterchangeRegistry#CODE}, as on the normal
 * way; orders of partners with order responses have their source message recorded.
 */
public final class LargeEdiIntake {

    /** The exchange property the acknowledgements read (io.orderhub.edi.ack.Acknowledgements.INTAKE). */
    static final String INTAKE = "orderhubIntake";

    private final Map<String, EdiOrderMapper> mappers;
    private final Pipeline pipeline;
    private final StreamingCommit commit;
    private final InterchangeRegistry registry;
    private final long thresholdBytes;

    public LargeEdiIntake(Map<String, EdiOrderMapper> mappers, Pipeline pipeline, StreamingCommit commit,
                          InterchangeRegistry registry, long thresholdBytes) {
        this.mappers = Map.copyOf(mappers);
        this.pipeline = pipeline;
        this.commit = commit;
        this.registry = registry;
        this.thresholdBytes = thresholdBytes;
    }

    /** True for an EDI document large enough to be streamed into the queue. */
    public boolean applies(InboundDocument document) {
        return document.content().length >= thresholdBytes && mappers.containsKey(document.format());
    }

    /**
     * Maps, validates and commits the document; the interchanges read are left in the exchange property
     * {@code orderhubIntake} (as an intake without orders) for the acknowledgements after the commit.
     */
    public IntakeOutcome commit(@Body InboundDocument document, Exchange exchange) {
        EdiOrderMapper mapper = mappers.get(document.format());
        EdiDocument[] edi = {null};
        IntakeOutcome outcome = commit.commit(document, document.format(), (connection, sink) -> {
            EdiOrderMapper.Streamed s;
            try {
                s = mapper.stream(document, new Registering(connection, document, sink));
            } catch (SqlFailure f) {
                throw f.getCause();
            }
            edi[0] = s.edi();
            return s.problems();
        });
        if (edi[0] != null) {
            exchange.setProperty(INTAKE, new Intake(document, new MappingResult(document.format(), List.of(),
                    outcome.problems(), List.of(edi[0])), List.of()));
        }
        return outcome;
    }

    /** Registers each interchange before its orders and adds the duplicate problem to the orders of a repeat. */
    private final class Registering implements EdiOrderMapper.Sink {

        private final Connection connection;
        private final InboundDocument document;
        private final Consumer<PlannedOrder> sink;
        private final Set<String> seenHere = new HashSet<>();
        private Problem duplicate;

        Registering(Connection connection, InboundDocument document, Consumer<PlannedOrder> sink) {
            this.connection = connection;
            this.document = document;
            this.sink = sink;
        }

        @Override
        public void interchange(EdiInterchange interchange) {
            try {
                duplicate = InterchangeRegistry.registerOne(connection, interchange, document.id(), document.receivedAt(),
                        seenHere).orElse(null);
            } catch (SQLException e) {
                throw new SqlFailure(e);
            }
        }

        @Override
        public void order(EdiMessage message, MappedOrder order) {
            PlannedOrder p = pipeline.planOne(document, order);
            if (duplicate != null) {
                List<Problem> problems = new ArrayList<>(p.problems());
                problems.add(duplicate);
                p = new PlannedOrder(p.id(), p.mapped(), problems, p.priority(), p.dueAt(), p.atRiskAt());
            }
            try {
                registry.recordSourceIfWanted(connection, p.id(), document.id(), message);
            } catch (SQLException e) {
                throw new SqlFailure(e);
            }
            sink.accept(p);
        }
    }

    /** Carries a database failure out of the mapper's callbacks. */
    private static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
