package io.orderhub.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.orderhub.validation.Partner;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates one intake route per partner {@code drop:} block in the partner file, from the route templates
 * {@code sftp-drop} and {@code folder-drop} of routes/file-intake.camel.yaml. camel-main adds templated routes
 * after every route file is loaded, so the templates exist when these routes are created.
 */
public final class DropRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(DropRoutes.class);

    /** The directory relative local drop folders resolve against; the working directory if unset. */
    public static final String FOLDER_BASE = "orderhub.drop.folder-base";
    /** Test-only kill point and its marker file, see {@link DropPause}. */
    public static final String PAUSE_AT = "orderhub.drop.test.pause-at";
    public static final String PAUSE_MARKER = "orderhub.drop.test.pause-marker";

    private record PartnerFile(List<Partner> partners) {
    }

    private final List<DropRouteSpec> specs;

    public DropRoutes(List<DropRouteSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /**
     * Binds the beans the drop routes call ({@code dropIntake}, {@code dropPause}) and the builder of the drop
     * routes themselves, read from the partner file. Call from the composition root.
     */
    public static void register(CamelContext context, Path partnerFile) {
        PropertiesComponent props = context.getPropertiesComponent();
        context.getRegistry().bind("dropIntake", new DropIntake(new FileFormats(), io.orderhub.support.HubClock.of(context)));
        context.getRegistry().bind("dropPause", new DropPause(props.resolveProperty(PAUSE_AT).orElse(""),
                props.resolveProperty(PAUSE_MARKER).filter(s -> !s.isBlank()).map(Path::of).orElse(null)));
        Path folderBase = Path.of(props.resolveProperty(FOLDER_BASE).orElse("").trim());
        context.getRegistry().bind("dropRoutes", fromPartnerFile(partnerFile, props::resolveProperty, folderBase));
    }

    /**
     * The drop routes of every partner in the file that has a {@code drop:} block, in file order.
     *
     * @param folderBase the directory relative local drop folders resolve against
     */
    public static DropRoutes fromPartnerFile(Path partnerFile, Function<String, Optional<String>> properties,
                                             Path folderBase) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        PartnerFile parsed;
        try {
            parsed = yaml.readValue(Files.readAllBytes(partnerFile), PartnerFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read partner file " + partnerFile + ": " + e.getMessage(), e);
        }
        List<DropRouteSpec> specs = new ArrayList<>();
        for (Partner p : parsed.partners() == null ? List.<Partner>of() : parsed.partners()) {
            if (p.drop() != null) {
                specs.add(DropRouteSpec.of(p.id(), p.drop(), properties, folderBase));
            }
        }
        return new DropRoutes(specs);
    }

    public List<DropRouteSpec> specs() {
        return specs;
    }

    @Override
    public void configure() {
        for (DropRouteSpec spec : specs) {
            if (spec.trustsAnyHostKey()) {
                LOG.warn("Route {}: no knownHostsFile configured, the SFTP server's host key is not verified",
                        spec.routeId());
            }
            templatedRoute(spec.templateId()).routeId(spec.routeId()).parameters(spec.parameters());
            LOG.info("Drop route {} polls {}", spec.routeId(), spec.parameters().get("location"));
        }
    }
}
