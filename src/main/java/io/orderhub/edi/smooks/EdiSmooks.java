package io.orderhub.edi.smooks;

import org.smooks.FilterSettings;
import org.smooks.Smooks;
import org.smooks.api.ApplicationContext;
import org.smooks.api.Registry;
import org.smooks.api.resource.config.ResourceConfigSeq;
import org.smooks.engine.DefaultApplicationContextBuilder;
import org.smooks.engine.resource.config.SystemResourceConfigSeqFactory;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.transform.TransformerFactory;

/**
 * Compiles a Smooks mapping once, for concurrent use by every request (Smooks instances are thread-safe once
 * configured; each filter call gets its own execution context).
 * <p>
 * Smooks 2 wraps every visitor in five system interceptors. Three of them serve features OrderHub's EDI mappings do
 * not use (execution-event listeners such as the HTML report, stream sinks, and wrapping visitor exceptions), and they
 * cost about a third of the mapping time; the engine built here registers only the text-consumer and static-proxy
 * interceptors that the JavaBean cartridge relies on. Serialization of the event stream is off (the result is beans).
 */
public final class EdiSmooks {

    private static final String INTERCEPTORS = """
            <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                  xmlns:core="https://www.smooks.org/xsd/smooks/smooks-core-1.6.xsd"
                                  default-target-profile="*">
                <core:interceptors>
                    <core:interceptor class="org.smooks.engine.delivery.interceptor.TextConsumerInterceptor"/>
                    <core:interceptor class="org.smooks.engine.delivery.interceptor.StaticProxyInterceptor"/>
                </core:interceptors>
            </smooks-resource-list>
            """;

    /** How many EDI readers each mapping keeps for reuse (one per concurrent filter call). */
    static final int READER_POOL = 16;

    private EdiSmooks() {
    }

    /** A compiled Smooks for the configuration file (its imports are resolved relative to it). */
    public static Smooks compile(Path config) {
        pinTransformerFactory();
        Smooks smooks = new Smooks(new LeanContextBuilder().build());
        smooks.setFilterSettings(FilterSettings.newSaxNgSettings()
                .setDefaultSerializationOn(false)
                .setReaderPoolSize(READER_POOL)
                .setTerminateOnException(true));
        try {
            smooks.addResourceConfigs(config.toAbsolutePath().toUri().toString());
            // builds the content delivery configuration now, not on the first order
            smooks.createExecutionContext();
        } catch (IOException | SAXException | RuntimeException e) {
            smooks.close();
            throw new IllegalStateException("Cannot load the Smooks mapping " + config + ": " + e.getMessage(), e);
        }
        return smooks;
    }

    /**
     * Smooks serializes every configuration file it imports with a new {@link TransformerFactory}; without the
     * {@value #TRANSFORMER_FACTORY} system property, each {@code newInstance()} scans every jar on the class path for a
     * service provider (and verifies signed jars on the way): about half of a mapping's compile time at start. The
     * factory class that scan finds is looked up once and named in the property, so later lookups take the same
     * class without scanning. Nothing changes if the property is already set.
     */
    static synchronized void pinTransformerFactory() {
        if (System.getProperty(TRANSFORMER_FACTORY) == null) {
            System.setProperty(TRANSFORMER_FACTORY, TransformerFactory.newInstance().getClass().getName());
        }
    }

    static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

    /** The standard application context with the reduced interceptor chain. */
    private static final class LeanContextBuilder extends DefaultApplicationContextBuilder {
        @Override
        protected void registerSystemResources(Registry registry, ApplicationContext context) {
            for (String file : new String[] {"/null-dom.xml", "/null-sax.xml", "/system-param-decoders.xml", "/system-serializers.xml"}) {
                registry.registerResourceConfigSeq(new SystemResourceConfigSeqFactory(file, registry.getClassLoader(),
                        context.getResourceLocator(), context.getResourceConfigLoader()).create());
            }
            ResourceConfigSeq interceptors = context.getResourceConfigLoader().load(
                    new ByteArrayInputStream(INTERCEPTORS.getBytes(StandardCharsets.UTF_8)), "orderhub-edi-interceptors",
                    registry.getClassLoader());
            for (int i = 0; i < interceptors.size(); i++) {
                interceptors.get(i).setSystem(true);
            }
            interceptors.setSystem(true);
            registry.registerResourceConfigSeq(interceptors);
        }
    }
}
