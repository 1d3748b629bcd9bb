package io.orderhub.edi;

import io.orderhub.edi.smooks.EdiSmooks;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerEdi;
import org.smooks.Smooks;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Smooks mappings from EDI to canonical orders, compiled once at start: the default mapping per standard
 * ({@code mappings/edi/edifact-orders.smooks.xml}, {@code mappings/edi/x12-850.smooks.xml}) and every mapping a
 * partner names in its {@code edi} block. Each file is compiled once and shared by all requests.
 */
public final class EdiMappings implements Closeable {

    public static final String EDIFACT_DEFAULT = "edi/edifact-orders.smooks.xml";
    public static final String X12_DEFAULT = "edi/x12-850.smooks.xml";

    /** A compiled mapping and the file it came from (relative to the mappings directory). */
    public record Mapping(String file, Smooks smooks) {
    }

    private final EdiPartners partners;
    private final Map<String, Mapping> byFile = new LinkedHashMap<>();

    private EdiMappings(Path mappingsDir, EdiPartners partners) {
        this.partners = partners;
        compile(mappingsDir, EDIFACT_DEFAULT);
        compile(mappingsDir, X12_DEFAULT);
        for (Partner p : partners.all()) {
            PartnerEdi edi = p.edi();
            if (edi != null) {
                compileIfSet(mappingsDir, edi.edifactMapping(), p);
                compileIfSet(mappingsDir, edi.x12Mapping(), p);
            }
        }
    }

    /** Compiles the default mappings and every partner mapping under {@code mappingsDir}. */
    public static EdiMappings load(Path mappingsDir, EdiPartners partners) {
        return new EdiMappings(mappingsDir, partners);
    }

    private void compileIfSet(Path dir, String file, Partner p) {
        if (file == null || file.isBlank()) {
            return;
        }
        if (!Files.isRegularFile(dir.resolve(file))) {
            throw new IllegalStateException("Partner " + p.id() + " names EDI mapping " + file + ", which is not in " + dir);
        }
        compile(dir, file);
    }

    private void compile(Path dir, String file) {
        byFile.computeIfAbsent(file, f -> {
            MappingParameters.check(dir.resolve(f));
            return new Mapping(f, EdiSmooks.compile(dir.resolve(f)));
        });
    }

    public EdiPartners partners() {
        return partners;
    }

    /** The mapping for an interchange: its sending partner's, else the standard's default. */
    public Mapping forInterchange(EdiInterchange interchange) {
        Optional<Partner> partner = partners.bySender(interchange.senderId());
        Function<PartnerEdi, String> pick = interchange.standard() == EdiStandard.EDIFACT ? PartnerEdi::edifactMapping : PartnerEdi::x12Mapping;
        String file = partner.map(Partner::edi).map(pick).filter(f -> !f.isBlank())
                .orElse(interchange.standard() == EdiStandard.EDIFACT ? EDIFACT_DEFAULT : X12_DEFAULT);
        return byFile.get(file);
    }

    @Override
    public void close() {
        for (Mapping m : byFile.values()) {
            m.smooks().close();
        }
    }
}
