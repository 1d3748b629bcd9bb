package io.orderhub.intake;

import io.orderhub.edi.EdiDocument;
import io.orderhub.edi.EdiOrderMapper;
import io.orderhub.model.MappingResult;
import io.orderhub.queue.Intake;
import io.orderhub.queue.IntakeOutcome;
import io.orderhub.queue.StreamingCommit;

import org.apache.camel.Body;
import org.apache.camel.Exchange;

import java.util.List;
import java.util.Map;

/**
 * Steps 3 to 6 of the pipeline for large EDI files (at least {@code orderhub.edi.stream-threshold-bytes}): each
 * message is mapped, validated and written as soon as it has been read, in one transaction (see
 * {@link StreamingCommit}), so neither the interchange's tree nor its orders are ever all in memory.
 */
public final class LargeEdiIntake {

    /** The exchange property the acknowledgements read (io.orderhub.edi.ack.Acknowledgements.INTAKE). */
    static final String INTAKE = "orderhubIntake";

    private final Map<String, EdiOrderMapper> mappers;
    private final Pipeline pipeline;
    private final StreamingCommit commit;
    private final long thresholdBytes;

    public LargeEdiIntake(Map<String, EdiOrderMapper> mappers, Pipeline pipeline, StreamingCommit commit, long thresholdBytes) {
        this.mappers = Map.copyOf(mappers);
        this.pipeline = pipeline;
        this.commit = commit;
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
        IntakeOutcome outcome = commit.commit(document, document.format(), sink -> {
            EdiOrderMapper.Streamed s = mapper.stream(document, order -> sink.accept(pipeline.planOne(document, order)));
            edi[0] = s.edi();
            return s.problems();
        });
        if (edi[0] != null) {
            exchange.setProperty(INTAKE, new Intake(document, new MappingResult(document.format(), List.of(),
                    outcome.problems(), List.of(edi[0])), List.of()));
        }
        return outcome;
    }
}
