package io.orderhub.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading spec files: a directory of them, and every error a spec can have, reported at start. */
class MappingSpecLoaderTest {

    static final String MINIMAL = """
            format: %s
            roots: [""]
            fields:
              poNumber: {from: /id}
            lines:
              from: /items
              fields:
                quantity: {from: /qty}
            """;

    @TempDir
    Path dir;

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void loadsEveryMappingFileInNameOrderAndNothingElse() throws IOException {
        write("b.mapping.yaml", MINIMAL.formatted("shop-b"));
        write("a.mapping.yaml", MINIMAL.formatted("shop-a"));
        write("README.md", "not a mapping");
        write("c.mapping.yaml.bak", "format: [broken");

        List<JsonOrderMapper> mappers = MappingSpecLoader.loadAll(dir);

        assertThat(mappers).extracting(JsonOrderMapper::format).containsExactly("shop-a", "shop-b");
        assertThat(mappers.get(0).spec().lines().required()).as("lines are optional unless said").isFalse();
    }

    @Test
    void aMissingDirectoryHasNoMappings() {
        assertThat(MappingSpecLoader.loadAll(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void twoFilesWithOneFormatStopTheLoad() throws IOException {
        write("a.mapping.yaml", MINIMAL.formatted("same"));
        write("b.mapping.yaml", MINIMAL.formatted("same"));

        assertThatThrownBy(() -> MappingSpecLoader.loadAll(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Mappings a.mapping.yaml and b.mapping.yaml both define format 'same'");
    }

    @Test
    void theShippedMappingsAreValid() {
        assertThat(MappingSpecLoader.loadAll(Path.of("mappings/webshop"))).extracting(JsonOrderMapper::format)
                .containsExactly("shopify", "woocommerce");
    }

    @Test
    void aTypoInAPropertyIsAnError() throws IOException {
        write("typo.mapping.yaml", MINIMAL.formatted("typo").replace("roots:", "root:"));

        assertThatThrownBy(() -> MappingSpecLoader.loadAll(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("typo.mapping.yaml").hasMessageContaining("\"root\"");
    }

    @Test
    void everyErrorOfASpecIsNamed() throws IOException {
        write("bad.mapping.yaml", """
                format: Bad Shop
                roots: []
                fields:
                  poNumber: {from: /id, constant: X}
                  orderDate: {from: id}
                  colour: {from: /colour}
                  currency: {constant: EUR, emptyValues: ["0"]}
                  buyer.name: {from: /name, separator: " "}
                  requestedDeliveryDate: {constant: tomorrow}
                lines:
                  from: ""
                  fields:
                    quantity: {join: [/a, /b]}
                    size: {from: /size}
                """);

        assertThatThrownBy(() -> MappingSpecLoader.loadAll(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Mapping bad.mapping.yaml is not valid:")
                .hasMessageContaining("format: 'Bad Shop' is not a format id")
                .hasMessageContaining("roots: give at least one JSON pointer")
                .hasMessageContaining("fields.poNumber: give exactly one of from, join, constant")
                .hasMessageContaining("fields.orderDate: 'id' is not a JSON pointer")
                .hasMessageContaining("fields.colour: not a canonical field")
                .hasMessageContaining("fields.currency: emptyValues is not used with constant")
                .hasMessageContaining("fields.buyer.name: separator is only used with join")
                .hasMessageContaining("fields.requestedDeliveryDate: constant 'tomorrow' is not an ISO date")
                .hasMessageContaining("lines.from: '' is not a JSON pointer to the line-item array")
                .hasMessageContaining("lines.fields.quantity: join makes a text, but quantity is decimal")
                .hasMessageContaining("lines.fields.size: not a canonical line field");
    }

    @Test
    void aSpecWithoutLinesIsAnError() {
        byte[] yaml = "format: nolines\nroots: [\"\"]\n".getBytes(StandardCharsets.UTF_8);
        MappingSpec spec = MappingSpecLoader.read(yaml, "nolines.mapping.yaml");

        assertThatThrownBy(() -> new JsonOrderMapper(spec, "nolines.mapping.yaml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lines: missing");
    }

    @Test
    void aSinglePointerNeedsNoBrackets() {
        MappingSpec spec = MappingSpecLoader.read(MINIMAL.formatted("x").getBytes(StandardCharsets.UTF_8), "x");

        assertThat(spec.fields().get("poNumber")).isEqualTo(FieldRule.firstOf("/id"));
        assertThat(spec.roots()).containsExactly("");
    }
}
