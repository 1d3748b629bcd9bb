package io.orderhub.mail;

import io.orderhub.intake.DropPause;
import io.orderhub.intake.Mappers;
import io.orderhub.support.Database;
import io.orderhub.validation.PartnerDirectory;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The mail channel's wiring for the composition root: reads mappings/mailboxes.yaml (or the file named by
 * {@value #MAILBOXES_FILE}) once, gives the hub its {@link MailMapper}, and binds the beans and route builder the
 * mail routes use ({@code mailIntake}, {@code mailPause}, {@code mailConfirmations}, {@code mailRoutes}).
 */
public final class MailChannel {

    /** The mailbox file, relative to orderhub.mappings.dir or absolute; default mailboxes.yaml. */
    public static final String MAILBOXES_FILE = "orderhub.mailboxes.file";
    /** Test-only kill point and its marker file, see {@link DropPause}: {@code read} or {@code committed}. */
    public static final String PAUSE_AT = "orderhub.mail.test.pause-at";
    public static final String PAUSE_MARKER = "orderhub.mail.test.pause-marker";

    private final MailboxFile file;
    private final MailSenders senders;

    private MailChannel(MailboxFile file, MailSenders senders) {
        this.file = file;
        this.senders = senders;
    }

    public static MailChannel load(PropertiesComponent props, Path mappingsDir, Path partnerFile) {
        String name = props.resolveProperty(MAILBOXES_FILE).filter(s -> !s.isBlank()).orElse("mailboxes.yaml");
        return new MailChannel(MailboxFile.load(mappingsDir.resolve(name.trim())),
                MailSenders.fromPartnerFile(partnerFile));
    }

    public MailboxFile file() {
        return file;
    }

    /** The mapper of format "mail"; {@code mappers} are the hub's, supplied once built (they include this one). */
    public MailMapper mapper(Supplier<Mappers> mappers, BodyTemplates bodyTemplates) {
        return new MailMapper(mappers, senders, file.limits(), bodyTemplates);
    }

    /** Checks the mailboxes against the partners and binds the mail beans and routes. */
    public void register(CamelContext context, PartnerDirectory partners, Database db) {
        Map<String, Mailbox> byName = new LinkedHashMap<>();
        for (Mailbox m : file.mailboxes()) {
            if (m.defaultPartner() != null && partners.find(m.defaultPartner()).isEmpty()) {
                throw new IllegalStateException("mailbox " + m.name() + ": defaultPartner " + m.defaultPartner()
                        + " is not in the partner file");
            }
            byName.put(m.name(), m);
        }
        PropertiesComponent props = context.getPropertiesComponent();
        Clock clock = io.orderhub.support.HubClock.of(context);
        context.getRegistry().bind("mailIntake", new MailIntake(byName, senders, clock));
        context.getRegistry().bind("mailPause", new DropPause(props.resolveProperty(PAUSE_AT).orElse(""),
                props.resolveProperty(PAUSE_MARKER).filter(s -> !s.isBlank()).map(Path::of).orElse(null)));
        MailOutbox outbox = new MailOutbox(db, clock, Duration.parse(required(props, "orderhub.mail.outbox.lease")),
                Duration.parse(required(props, "orderhub.mail.outbox.first-retry")),
                Integer.parseInt(required(props, "orderhub.mail.outbox.max-attempts")));
        context.getRegistry().bind("mailOutbox", outbox);
        context.getRegistry().bind("mailConfirmations", new MailConfirmations(senders, db, file.confirmations(), outbox,
                clock, Duration.parse(required(props, "orderhub.mail.outbox.sweep-window"))));
        context.getRegistry().bind("mailRoutes", MailRoutes.of(file, props::resolveProperty));
    }

    private static String required(PropertiesComponent props, String key) {
        return props.resolveProperty(key).orElseThrow(() -> new IllegalStateException("property " + key + " is not set"));
    }
}
