package io.orderhub.edi;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped schemas and default mappings, compiled once for all EDI tests. */
final class EdiFixture {

    static final Path MAPPINGS = Path.of("mappings");
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static final EdiReader READER = new EdiReader(EdiSchemas.load(MAPPINGS.resolve("edi/schemas")));
    static final EdiMappings MAPPINGS_DEFAULT = EdiMappings.load(MAPPINGS, new EdiPartners(List.of()));
    static final EdiOrderMapper EDIFACT = new EdifactOrdersMapper(READER, MAPPINGS_DEFAULT);
    static final EdiOrderMapper X12 = new X12PurchaseOrderMapper(READER, MAPPINGS_DEFAULT);

    private EdiFixture() {
    }

    static byte[] corpus(String file) {
        try {
            return Files.readAllBytes(CORPUS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MappingResult map(EdiOrderMapper mapper, byte[] content) {
        return mapper.map(EdiSamples.document(mapper.format(), content));
    }

    static MappingResult mapEdifact(String content) {
        return map(EDIFACT, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static MappingResult mapX12(String content) {
        return map(X12, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static List<String> poNumbers(MappingResult r) {
        return r.orders().stream().map(o -> o.order().poNumber()).toList();
    }

    static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }

    static MappedOrder only(MappingResult r) {
        if (r.orders().size() != 1) {
            throw new AssertionError("expected one order, got " + r.orders().size() + ": " + r.problems());
        }
        return r.orders().get(0);
    }
}
