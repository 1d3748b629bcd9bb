package io.orderhub.intake;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.queue.Intake;
import io.orderhub.queue.PlannedOrder;
import io.orderhub.queue.SlaPolicy;
import io.orderhub.support.Ids;
import io.orderhub.validation.OrderValidator;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Steps 3 to 5 of the common pipeline, as beans the {@code order-pipeline} route calls in turn:
 * map the document, then validate each order and give it its priority and due time.
 */
public final class Pipeline {

    private final Mappers mappers;
    private final OrderValidator validator;
    private final PartnerDirectory partners;
    private final SlaPolicy sla;

    public Pipeline(Mappers mappers, OrderValidator validator, PartnerDirectory partners, SlaPolicy sla) {
        this.mappers = mappers;
        this.validator = validator;
        this.partners = partners;
        this.sla = sla;
    }

    /** The channel a document came in on, for the intake metrics (exchange property orderhubChannel). */
    public String channelOf(InboundDocument document) {
        return document.channel().id();
    }

    public Intake map(InboundDocument document) {
        MappingResult result = mappers.map(document);
        return new Intake(document, result, List.of());
    }

    public Intake plan(Intake intake) {
        List<PlannedOrder> planned = new ArrayList<>(intake.mapping().orders().size());
        for (MappedOrder m : intake.mapping().orders()) {
            planned.add(planOne(intake.document(), m));
        }
        return new Intake(intake.document(), intake.mapping(), planned);
    }

    /** Validates one order of a document and gives it its priority and due time. */
    public PlannedOrder planOne(InboundDocument document, MappedOrder m) {
        Optional<Partner> partner = partners.find(m.order().sender());
        List<Problem> problems = new ArrayList<>(m.problems());
        problems.addAll(validator.validate(m.order()));
        if (partner.isPresent() && document.client() != null && !partner.get().allowsClient(document.client())) {
            problems.add(new Problem("/sender", "sender-not-allowed", "API client '" + document.client()
                    + "' may not send orders for partner " + partner.get().id()));
        }
        SlaPolicy.Plan plan = sla.plan(partner, m.order(), document.receivedAt());
        return new PlannedOrder(Ids.newId(), m, problems, plan.priority(), plan.dueAt(), plan.atRiskAt());
    }
}
