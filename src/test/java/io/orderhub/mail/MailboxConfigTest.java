package io.orderhub.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** mappings/mailboxes.yaml: defaults, inconsistent entries named at start, passwords only by property name. */
class MailboxConfigTest {

    @TempDir
    Path dir;

    @Test
    void theShippedFileReadsNoMailbox() {
        MailboxFile file = MailboxFile.load(Path.of("mappings/mailboxes.yaml"));
        assertThat(file.mailboxes()).isEmpty();
        assertThat(file.limits()).isEqualTo(MailLimits.DEFAULTS);
    }

    @Test
    void defaultsByProtocol() {
        Mailbox imap = new Mailbox("a", null, "h", null, "u", "p", null, null, null, null, null, null);
        assertThat(imap.protocol()).isEqualTo("imap");
        assertThat(imap.port()).isEqualTo(143);
        assertThat(imap.folder()).isEqualTo("INBOX");
        assertThat(imap.afterCommit()).isEqualTo(Mailbox.AfterCommit.SEEN);
        Mailbox pop = new Mailbox("b", "pop3s", "h", null, "u", "p", null, null, null, null, null, null);
        assertThat(pop.port()).isEqualTo(995);
        assertThat(pop.afterCommit()).isEqualTo(Mailbox.AfterCommit.DELETE);
    }

    @Test
    void inconsistentEntriesAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> new Mailbox("a", "imap", "h", null, "u", null, null, null, null, null, null, null))
                .hasMessageContaining("passwordProperty");
        assertThatThrownBy(() -> new Mailbox("a", "pop3", "h", null, "u", "p", null, null, null,
                Mailbox.AfterCommit.SEEN, null, null)).hasMessageContaining("POP3");
        assertThatThrownBy(() -> new Mailbox("a", "imap", "h", null, "u", "p", null, null, null,
                Mailbox.AfterCommit.MOVE, null, null)).hasMessageContaining("moveTo");
        assertThatThrownBy(() -> new Mailbox("a b", "imap", "h", null, "u", "p", null, null, null, null, null, null))
                .hasMessageContaining("name");
        Path twice = MailFixtures.write(dir.resolve("m.yaml"), """
                mailboxes:
                  - {name: a, host: h, user: u, passwordProperty: p}
                  - {name: a, host: h, user: u, passwordProperty: p}
                """);
        assertThatThrownBy(() -> MailboxFile.load(twice)).hasMessageContaining("defined twice");
    }

    @Test
    void thePasswordIsLookedUpByItsPropertyName() {
        Mailbox m = new Mailbox("a", "imaps", "h", null, "u", "orderhub.mail.a.password", null, null, null, null,
                null, null);
        Map<String, String> props = Map.of("orderhub.mail.a.password", "pw");
        MailRoutes.Spec spec = MailRoutes.intake(m, k -> Optional.ofNullable(props.get(k)));
        assertThat(spec.routeId()).isEqualTo("mail-intake-a");
        assertThat(spec.parameters()).containsEntry("password", "pw").containsEntry("port", "993")
                .containsEntry("delete", "false");
        assertThatThrownBy(() -> MailRoutes.intake(m, k -> Optional.empty()))
                .hasMessageContaining("ORDERHUB_MAIL_A_PASSWORD");
    }
}
