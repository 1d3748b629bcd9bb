package io.orderhub.intake;

import io.orderhub.edi.EdiOrderMapper;
import io.orderhub.queue.IntakeOutcome;
import io.orderhub.queue.StreamingCommit;

import java.util.Map;

/**
 * Steps 3 to 6 of the pipeline for large EDI files (at least {@code orderhub.edi.stream-threshold-bytes}): each
 * message is mapped, validated and written as soon as it has been read, in one transaction (see
 * {@link StreamingCommit}), so neither the interchange's tree nor its orders are ever all in memory.
 */
public final class LargeEdiIntake {

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

    public IntakeOutcome commit(InboundDocument document) {
        EdiOrderMapper mapper = mappers.get(document.format());
        return commit.commit(document, document.format(),
                sink -> mapper.stream(document, order -> sink.accept(pipeline.planOne(document, order))).problems());
    }
}
