package io.orderhub.queue;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.MappingResult;

import java.util.List;

/** One document on its way through the pipeline: as received, as mapped, and (after validation) as planned. */
public record Intake(InboundDocument document, MappingResult mapping, List<PlannedOrder> planned) {
    public Intake {
        planned = planned == null ? List.of() : List.copyOf(planned);
    }
}
