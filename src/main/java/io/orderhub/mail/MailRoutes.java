package io.orderhub.mail;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates one intake route per mailbox of mappings/mailboxes.yaml from the route template {@code mail-intake}, and
 * the route {@code mail-confirm} from its template when confirmations are configured (routes/mail-intake.camel.yaml).
 * Passwords are looked up here, by the property names the file gives.
 */
public final class MailRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MailRoutes.class);

    /** One route to create: template, route id, parameters. */
    public record Spec(String templateId, String routeId, Map<String, String> parameters) {
    }

    private final List<Spec> specs;

    public MailRoutes(List<Spec> specs) {
        this.specs = List.copyOf(specs);
    }

    public static MailRoutes of(MailboxFile file, Function<String, Optional<String>> properties) {
        List<Spec> specs = new ArrayList<>();
        for (Mailbox m : file.mailboxes()) {
            specs.add(intake(m, properties));
        }
        if (file.confirmations() != null) {
            SmtpSettings s = file.confirmations();
            Map<String, String> p = new LinkedHashMap<>();
            p.put("protocol", s.protocol());
            p.put("host", s.host());
            p.put("port", String.valueOf(s.port()));
            if (!s.user().isEmpty()) {
                p.put("user", s.user());
            }
            p.put("password", s.passwordProperty().isEmpty() ? ""
                    : secret("confirmations", s.passwordProperty(), properties));
            specs.add(new Spec("mail-confirm", "mail-confirm", Map.copyOf(p)));
        }
        return new MailRoutes(specs);
    }

    static Spec intake(Mailbox m, Function<String, Optional<String>> properties) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mailbox", m.name());
        p.put("protocol", m.protocol());
        p.put("host", m.host());
        p.put("port", String.valueOf(m.port()));
        p.put("user", m.user());
        p.put("password", secret("mailbox " + m.name(), m.passwordProperty(), properties));
        p.put("folder", m.folder());
        p.put("pollMs", String.valueOf(m.pollMs()));
        p.put("initialDelayMs", String.valueOf(Math.min(1000L, m.pollMs())));
        p.put("delete", String.valueOf(m.afterCommit() == Mailbox.AfterCommit.DELETE));
        return new Spec("mail-intake", m.routeId(), Map.copyOf(p));
    }

    private static String secret(String where, String propertyName, Function<String, Optional<String>> properties) {
        return properties.apply(propertyName).orElseThrow(() -> new IllegalStateException(where
                + ": passwordProperty names the property " + propertyName + ", which is not set (set it, or the"
                + " environment variable " + propertyName.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_") + ")"));
    }

    public List<Spec> specs() {
        return specs;
    }

    @Override
    public void configure() {
        for (Spec spec : specs) {
            templatedRoute(spec.templateId()).routeId(spec.routeId()).parameters(spec.parameters());
            LOG.info("Mail route {} ({}://{}:{})", spec.routeId(), spec.parameters().get("protocol"),
                    spec.parameters().get("host"), spec.parameters().get("port"));
        }
    }
}
