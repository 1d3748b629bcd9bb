package io.orderhub.drop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.orderhub.intake.DropRouteSpec;
import io.orderhub.intake.DropRoutes;
import io.orderhub.validation.PartnerDirectory;
import io.orderhub.validation.PartnerDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** From a partner's drop: block to the template and parameters of its route, without Camel. */
class DropRouteSpecTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    static final Map<String, String> PROPERTIES =
            Map.of("acme.sftp.password", "secret", "acme.key.passphrase", "phrase");
    static final Function<String, Optional<String>> PROPS = key -> Optional.ofNullable(PROPERTIES.get(key));

    static PartnerDrop drop(String yaml) throws IOException {
        return YAML.readValue(yaml, PartnerDrop.class);
    }

    static DropRouteSpec spec(String yaml) throws IOException {
        return DropRouteSpec.of("ACME-EDI", drop(yaml), PROPS, Path.of("/srv/hub"));
    }

    @Test
    void sftpDropWithDefaults() throws IOException {
        DropRouteSpec spec = spec("""
                type: sftp
                host: sftp.acme.example
                user: orderhub
                passwordProperty: acme.sftp.password
                folder: out/orders
                """);

        assertThat(spec.templateId()).isEqualTo("sftp-drop");
        assertThat(spec.routeId()).isEqualTo("sftp-drop-ACME-EDI");
        assertThat(spec.parameters()).containsAllEntriesOf(Map.of(
                "partner", "ACME-EDI", "host", "sftp.acme.example", "port", "22", "user", "orderhub",
                "password", "secret", "folder", "out/orders", "include", "*", "pollMs", "5000"));
        assertThat(spec.parameters()).containsAllEntriesOf(Map.of(
                "readLock", "changed", "readLockCheckInterval", "1000", "readLockMinAge", "0",
                "archive", "archive", "error", "error", "move", "${exchangeProperty.orderhubDropTarget}/${file:name}",
                "location", "sftp://orderhub@sftp.acme.example:22/out/orders",
                "strictHostKeyChecking", "no", "privateKeyFile", "", "knownHostsFile", ""));
        assertThat(spec.parameters()).doesNotContainKeys("delete", "doneFileName");
        assertThat(spec.parameters()).containsEntry("concurrency", "2");
        assertThat(spec.trustsAnyHostKey()).isTrue();
    }

    @Test
    void keyAuthKnownHostsAndDoneFile() throws IOException {
        DropRouteSpec spec = spec("""
                type: sftp
                host: h
                port: 2222
                user: u
                privateKeyFile: /etc/orderhub/acme.key
                privateKeyPassphraseProperty: acme.key.passphrase
                knownHostsFile: /etc/orderhub/known_hosts
                folder: /abs/in
                complete: done-file
                include: "*.edi,*.x12"
                archive: /abs/archive
                error: failed
                """);

        assertThat(spec.parameters()).containsAllEntriesOf(Map.of(
                "password", "", "privateKeyFile", "/etc/orderhub/acme.key", "privateKeyPassphrase", "phrase",
                "knownHostsFile", "/etc/orderhub/known_hosts", "strictHostKeyChecking", "yes",
                "readLock", "none", "doneFileName", "${file:name}.done", "include", "*.edi,*.x12",
                "archive", "/abs/archive", "error", "failed"));
        assertThat(spec.parameters().get("location")).isEqualTo("sftp://u@h:2222/abs/in");
        assertThat(spec.parameters()).doesNotContainKeys("readLockCheckInterval");
        assertThat(spec.trustsAnyHostKey()).isFalse();
    }

    @Test
    void localFolderWithRenameAndDelete() throws IOException {
        DropRouteSpec spec = spec("""
                type: folder
                folder: data/inbox/ACME-EDI
                complete: rename
                delete: true
                exclude: "*.uploading"
                pollMs: 250
                concurrency: 4
                """);

        assertThat(spec.templateId()).isEqualTo("folder-drop");
        assertThat(spec.routeId()).isEqualTo("folder-drop-ACME-EDI");
        assertThat(spec.parameters()).containsAllEntriesOf(Map.of(
                "folder", "/srv/hub/data/inbox/ACME-EDI", "location", "/srv/hub/data/inbox/ACME-EDI",
                "delete", "true", "readLock", "none", "exclude", "*.uploading", "pollMs", "250",
                "initialDelayMs", "250", "concurrency", "4"));
        assertThat(spec.parameters()).doesNotContainKeys("move", "host", "password");
    }

    @Test
    void passwordPropertyThatIsNotSetStopsTheStartWithItsName() {
        assertThatThrownBy(() -> spec("""
                type: sftp
                host: h
                user: u
                passwordProperty: acme.missing.password
                folder: in
                """)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acme.missing.password").hasMessageContaining("ACME_MISSING_PASSWORD");
    }

    @Test
    void inconsistentBlocksAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> drop("{type: sftp, host: h, folder: in, passwordProperty: p}"))
                .hasMessageContaining("'host' and 'user'");
        assertThatThrownBy(() -> drop("{type: sftp, host: h, user: u, folder: in}"))
                .hasMessageContaining("passwordProperty");
        assertThatThrownBy(() -> drop("{type: folder}")).hasMessageContaining("'folder'");
        assertThatThrownBy(() -> drop("{folder: x}")).hasMessageContaining("'type'");
        assertThatThrownBy(() -> drop("{type: folder, folder: x, delete: true, archive: a}"))
                .hasMessageContaining("'archive' and 'delete: true'");
        assertThatThrownBy(() -> drop("{type: folder, folder: x, pollMs: 0}")).hasMessageContaining("pollMs");
        assertThatThrownBy(() -> drop("{type: folder, folder: x, concurrency: 0}")).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> drop("{type: folder, folder: x, complete: eventually}"))
                .hasMessageContaining("eventually");
    }

    @Test
    void aLiteralPasswordInThePartnerFileIsRefused() {
        assertThatThrownBy(() -> drop("{type: sftp, host: h, user: u, folder: in, password: hunter2}"))
                .hasMessageContaining("password");
    }

    @Test
    void routesAreMadeForPartnersWithADropBlockOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("partners.yaml");
        Files.writeString(file, """
                partners:
                  - id: WEB
                    apiClients: [demo]
                  - id: DROP-A
                    drop: {type: folder, folder: in/a}
                  - id: DROP-B
                    drop: {type: sftp, host: h, user: u, passwordProperty: acme.sftp.password, folder: in}
                """);

        DropRoutes routes = DropRoutes.fromPartnerFile(file, PROPS, dir);

        assertThat(routes.specs()).extracting(DropRouteSpec::routeId)
                .containsExactly("folder-drop-DROP-A", "sftp-drop-DROP-B");
        assertThat(PartnerDirectory.load(file).find("DROP-A").orElseThrow().drop().folder()).isEqualTo("in/a");
    }

    @Test
    void theShippedPartnerFileHasTheDemoDropPartner() {
        DropRoutes routes = DropRoutes.fromPartnerFile(Path.of("mappings/partners.yaml"), PROPS, Path.of(""));

        assertThat(routes.specs()).extracting(DropRouteSpec::routeId).contains("folder-drop-DEMO-DROP");
        PartnerDirectory.load(Path.of("mappings/partners.yaml"));
    }
}
