package io.orderhub.sla;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Where SLA alerts go, from {@code orderhub.sla.alert-*}: a webhook URL, a mail address (SMTP endpoint given as a
 * camel-mail URI), both or neither. Creates the routes {@code sla-alert-webhook} and {@code sla-alert-mail} from their
 * templates in routes/sla.camel.yaml for the configured ones; route {@code sla-alert} asks {@link #webhook()} and
 * {@link #mail()} which to use.
 */
public final class SlaAlertChannels extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(SlaAlertChannels.class);

    private final String url;
    private final int timeoutMs;
    private final String mailTo;
    private final String mailFrom;
    private final String smtp;
    private final String smtpUser;
    private final String smtpPassword;

    public SlaAlertChannels(String url, int timeoutMs, String mailTo, String mailFrom, String smtp, String smtpUser,
                            String smtpPassword) {
        this.url = blankToNull(url);
        this.timeoutMs = timeoutMs;
        this.mailTo = blankToNull(mailTo);
        this.mailFrom = blankToNull(mailFrom);
        this.smtp = blankToNull(smtp);
        this.smtpUser = blankToNull(smtpUser);
        this.smtpPassword = blankToNull(smtpPassword);
        if (this.url != null && !this.url.matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("orderhub.sla.alert-url must be an http:// or https:// URL, is '" + url + "'");
        }
        if (this.mailTo != null && (this.smtp == null || !this.smtp.matches("(?i)smtps?://.+"))) {
            throw new IllegalArgumentException("orderhub.sla.alert-mail-to is set, so orderhub.sla.alert-smtp must be"
                    + " an smtp:// or smtps:// address of the mail server, is '" + (smtp == null ? "" : smtp) + "'");
        }
        if (this.mailTo != null && this.mailFrom == null) {
            throw new IllegalArgumentException("orderhub.sla.alert-mail-to is set, so orderhub.sla.alert-mail-from must"
                    + " name the sender address");
        }
    }

    public boolean webhook() {
        return url != null;
    }

    public boolean mail() {
        return mailTo != null;
    }

    /** Body: anything; afterwards the alert mail (the alert is in exchange property {@link SlaMonitor#ALERT}). */
    public void mailMessage(Exchange exchange) {
        SlaAlert alert = exchange.getProperty(SlaMonitor.ALERT, SlaAlert.class);
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(MailConstants.MAIL_TO, mailTo);
        m.setHeader(MailConstants.MAIL_FROM, mailFrom);
        m.setHeader(MailConstants.MAIL_SUBJECT, alert.subject());
        m.setHeader("Content-Type", "text/plain; charset=UTF-8");
        m.setBody(alert.mailText());
    }

    @Override
    public void configure() {
        if (url != null) {
            templatedRoute("sla-alert-webhook").routeId("sla-alert-webhook")
                    .parameters(Map.of("url", url, "timeoutMs", String.valueOf(timeoutMs)));
            LOG.info("SLA alerts are POSTed to {}", url.replaceAll("\\?.*", "?..."));
        }
        if (mailTo != null) {
            var route = templatedRoute("sla-alert-mail").routeId("sla-alert-mail").parameter("smtp", smtp);
            if (smtpUser != null) {
                route.parameter("user", smtpUser);
            }
            if (smtpPassword != null) {
                route.parameter("password", smtpPassword);
            }
            LOG.info("SLA alerts are mailed to {} through {}", mailTo, smtp);
        }
        if (url == null && mailTo == null) {
            LOG.info("No SLA alert channel configured (orderhub.sla.alert-url, orderhub.sla.alert-mail-to):"
                    + " at-risk orders are flagged and counted, no alert is sent");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
