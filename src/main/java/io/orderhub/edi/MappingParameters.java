package io.orderhub.edi;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a Smooks mapping that imports a parameterised mapping sets every parameter it uses. Smooks replaces
 * {@code @name@} in the imported file and leaves unknown ones as they are, so a missing parameter would silently make
 * a selector match nothing (e.g. no buyer): a partner copy of a mapping that forgot one fails at start instead.
 */
final class MappingParameters {

    private static final Pattern TOKEN = Pattern.compile("@([A-Za-z][A-Za-z0-9]*)@");

    private MappingParameters() {
    }

    static void check(Path config) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = f.newDocumentBuilder().parse(config.toFile());
            NodeList imports = doc.getElementsByTagNameNS("*", "import");
            for (int i = 0; i < imports.getLength(); i++) {
                Element imp = (Element) imports.item(i);
                Path imported = config.toAbsolutePath().getParent().resolve(imp.getAttribute("file")).normalize();
                if (!Files.isRegularFile(imported)) {
                    continue;
                }
                Set<String> given = new HashSet<>();
                NodeList params = imp.getElementsByTagNameNS("*", "param");
                for (int p = 0; p < params.getLength(); p++) {
                    given.add(((Element) params.item(p)).getAttribute("name"));
                }
                Set<String> missing = new TreeSet<>();
                Matcher m = TOKEN.matcher(Files.readString(imported, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!given.contains(m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("EDI mapping " + config + " imports " + imported.getFileName()
                            + " without setting its parameters " + missing);
                }
            }
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("Cannot read EDI mapping " + config + ": " + e.getMessage(), e);
        }
    }
}
