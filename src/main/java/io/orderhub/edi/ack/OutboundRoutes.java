package io.orderhub.edi.ack;

import io.orderhub.intake.DropRouteSpec;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerDrop;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One outbound route per partner with a {@code drop:} block ({@code edi-out-<partner>}, from
 * {@code direct:edi-out-<partner>}), made from the templates {@code sftp-outbound} and {@code folder-outbound} of
 * routes/edi-acks.camel.yaml: it writes what the hub sends the partner into the drop's outbound folder, on the same
 * SFTP server or in a local folder.
 */
public final class OutboundRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundRoutes.class);

    /** One route to create: template, route id, parameters. */
    public record Spec(String templateId, String routeId, Map<String, String> parameters) {
    }

    private final List<Spec> specs;

    public OutboundRoutes(List<Spec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** The endpoint acknowledgements for a partner are sent to. */
    public static String endpointFor(String partnerId) {
        return "direct:edi-out-" + partnerId;
    }

    public static OutboundRoutes of(List<Partner> partners, Function<String, Optional<String>> properties, Path folderBase) {
        List<Spec> specs = new ArrayList<>();
        for (Partner p : partners) {
            PartnerDrop drop = p.drop();
            if (drop == null) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("partner", p.id());
            String template;
            if (drop.type() == PartnerDrop.Type.SFTP) {
                template = "sftp-outbound";
                params.putAll(DropRouteSpec.sftpConnection(p.id(), drop, properties));
                params.put("outbound", drop.outboundPath());
            } else {
                template = "folder-outbound";
                params.put("outbound", folderBase.resolve(drop.outboundPath()).toAbsolutePath().normalize().toString());
            }
            specs.add(new Spec(template, "edi-out-" + p.id(), Map.copyOf(params)));
        }
        return new OutboundRoutes(specs);
    }

    public List<Spec> specs() {
        return specs;
    }

    @Override
    public void configure() {
        for (Spec s : specs) {
            templatedRoute(s.templateId()).routeId(s.routeId()).parameters(s.parameters());
            LOG.info("Outbound route {} writes to {}", s.routeId(), s.parameters().get("outbound"));
        }
    }
}
