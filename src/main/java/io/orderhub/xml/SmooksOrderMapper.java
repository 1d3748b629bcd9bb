package io.orderhub.xml;

import io.orderhub.intake.DocumentMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import org.smooks.Smooks;
import org.smooks.api.ExecutionContext;
import org.smooks.api.SmooksException;
import org.smooks.io.source.ByteSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An XML order mapping: the document passes {@link XmlSafety} first, then streams through one Smooks instance made
 * from a config in {@code mappings/xml/} (created once; each document gets its own execution context), whose
 * {@link OrderBindingVisitor} collects the values; {@link XmlOrderAssembler} makes the canonical orders.
 */
public final class SmooksOrderMapper implements DocumentMapper, AutoCloseable {

    private final String format;
    private final Smooks smooks;
    private final boolean allowCxmlDoctype;

    public SmooksOrderMapper(String format, Path config, boolean allowCxmlDoctype) {
        this.format = format;
        this.allowCxmlDoctype = allowCxmlDoctype;
        try (InputStream in = Files.newInputStream(config)) {
            this.smooks = new Smooks(in);
        } catch (IOException | SAXException | SmooksException e) {
            throw new IllegalStateException("Cannot read the Smooks mapping " + config + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public MappingResult map(InboundDocument document) {
        byte[] content = document.content() == null ? new byte[0] : document.content();
        Optional<Problem> unsafe = XmlSafety.check(content, allowCxmlDoctype);
        if (unsafe.isPresent()) {
            return MappingResult.rejected(format, List.of(unsafe.get()));
        }
        ExecutionContext context = smooks.createExecutionContext();
        XmlParse parse = new XmlParse();
        context.put(OrderBindingVisitor.PARSE, parse);
        try {
            smooks.filterSource(context, new ByteSource(content));
        } catch (SmooksException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return MappingResult.rejected(format, List.of(new Problem("", XmlSafety.BAD_XML_CODE,
                    "the " + format + " mapping could not read the document: " + cause.getMessage())));
        }
        if (parse.orders.isEmpty()) {
            return MappingResult.rejected(format, List.of(new Problem("", "no-order",
                    "the document is XML but has no " + format + " order in it")));
        }
        List<MappedOrder> orders = new ArrayList<>();
        for (OrderDraft draft : parse.orders) {
            orders.add(XmlOrderAssembler.assemble(orders.size(), draft, document.senderHint()));
        }
        return new MappingResult(format, orders, List.of());
    }

    @Override
    public void close() {
        smooks.close();
    }
}
