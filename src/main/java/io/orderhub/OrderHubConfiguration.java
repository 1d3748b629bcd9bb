package io.orderhub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.api.ApiKeys;
import io.orderhub.api.ExceptionDeskApi;
import io.orderhub.cases.Cases;
import io.orderhub.cases.CasesApi;
import io.orderhub.dashboard.Dashboards;
import io.orderhub.dashboard.DashboardsApi;
import io.orderhub.dashboard.Kpis;
import io.orderhub.dashboard.QueueDepthSampler;
import io.orderhub.api.EdiDocumentApi;
import io.orderhub.intake.LargeEdiIntake;
import io.orderhub.queue.StreamingCommit;
import io.orderhub.api.OrdersApi;
import io.orderhub.api.WebhooksApi;
import io.orderhub.api.DocumentViewApi;
import io.orderhub.api.QueueApi;
import io.orderhub.console.ConsoleAssets;
import io.orderhub.queue.QueueSearch;
import io.orderhub.security.Access;
import io.orderhub.security.PasswordHasher;
import io.orderhub.security.SessionApi;
import io.orderhub.security.UserBootstrap;
import io.orderhub.security.Users;
import io.orderhub.security.UsersApi;
import io.orderhub.csv.CsvLayouts;
import io.orderhub.csv.CsvOrderMapper;
import io.orderhub.edi.EdiMappings;
import io.orderhub.edi.EdiPartners;
import io.orderhub.edi.EdiReader;
import io.orderhub.edi.EdiSchemas;
import io.orderhub.edi.EdifactOrdersMapper;
import io.orderhub.edi.X12PurchaseOrderMapper;
import io.orderhub.edi.ack.AckOutbox;
import io.orderhub.edi.ack.AckStore;
import io.orderhub.edi.ack.Acknowledgements;
import io.orderhub.edi.ack.AcknowledgementsApi;
import io.orderhub.edi.ack.InterchangeRegistry;
import io.orderhub.edi.ack.OrderResponses;
import io.orderhub.edi.ack.OutboundRoutes;
import io.orderhub.edi.ack.OwnId;
import io.orderhub.edi.view.EdiDictionary;
import io.orderhub.edi.view.EdiView;
import io.orderhub.erp.DeliveryPause;
import io.orderhub.erp.ErpDelivery;
import io.orderhub.erp.ErpSettingsApi;
import io.orderhub.erp.ErpResponses;
import io.orderhub.erp.ErpSimulator;
import io.orderhub.erp.ErpSimulatorApi;
import io.orderhub.intake.CanonicalJsonMapper;
import io.orderhub.intake.DocumentMapper;
import io.orderhub.intake.DropRoutes;
import io.orderhub.intake.Mappers;
import io.orderhub.intake.Pipeline;
import io.orderhub.mail.MailChannel;
import io.orderhub.mapping.MappingSpecLoader;
import io.orderhub.ops.HealthChecks;
import io.orderhub.ops.HubMetrics;
import io.orderhub.ops.IntakeLog;
import io.orderhub.ops.OcrHealthCheck;
import io.orderhub.pdf.BodyTemplateFiles;
import io.orderhub.pdf.DocumentReader;
import io.orderhub.pdf.OcrEngine;
import io.orderhub.pdf.PdfOrderMapper;
import io.orderhub.pdf.PdfTemplates;
import io.orderhub.queue.DeliveryQueue;
import io.orderhub.queue.QueueReader;
import io.orderhub.queue.QueueWriter;
import io.orderhub.queue.OrderActions;
import io.orderhub.queue.SlaPolicy;
import io.orderhub.sla.Calendars;
import io.orderhub.sla.SlaAlertChannels;
import io.orderhub.sla.SlaMonitor;
import io.orderhub.support.BusinessHttpEngine;
import io.orderhub.support.StartupTasks;
import io.orderhub.support.Database;
import io.orderhub.support.GroupCommit;
import io.orderhub.support.HubClock;
import io.orderhub.support.Json;
import io.orderhub.validation.OrderValidator;
import io.orderhub.validation.PartnerDirectory;
import io.orderhub.validation.ValidationRules;
import io.orderhub.xml.XmlMappers;
import io.vertx.core.VertxOptions;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The composition root: builds the hub's beans from {@code orderhub.*} properties and binds them by the names
 * the route files use. Nothing here decides anything about orders.
 */
public class OrderHubConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        // migrations, Smooks compilation and password hashing run beside the main thread (README "Performance", EDI:
        // the start)
        try (StartupTasks start = new StartupTasks(2)) {
            configure(context, start);
        }
    }

    private void configure(CamelContext context, StartupTasks start) throws Exception {
        PropertiesComponent props = context.getPropertiesComponent();
        Clock clock = HubClock.of(context);
        bind(context, "platform-http-engine", new BusinessHttpEngine(intProp(props, "camel.server.port")));
        // Camel's Vert.x HTTP server takes its options from the registry. Each request to a REST route holds one
        // worker thread until its order is committed (group commit), so the pool bounds the orders in flight and
        // with them the size of the shared commits; more workers also take CPU from delivery when the hub is
        // overloaded, which is why the default stays Vert.x's 20 (README "Performance").
        bind(context, "vertxOptions", new VertxOptions().setWorkerPoolSize(intProp(props, "orderhub.http.worker-threads")));
        ObjectMapper json = Json.newMapper();

        Database db = new Database(prop(props, "orderhub.db.url"), prop(props, "orderhub.db.user"),
                props.resolveProperty("orderhub.db.password").orElse(""), intProp(props, "orderhub.db.pool-size"));
        CompletableFuture<Database> migrated = start.submit("database migrations", () -> {
            db.migrate();
            return db;
        });
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                db.close();
            }
        }, true, true);

        Path mappings = Path.of(prop(props, "orderhub.mappings.dir"));
        Path partnerFile = mappings.resolve(prop(props, "orderhub.partners.file"));
        EdiPartners ediPartners = EdiPartners.load(partnerFile);
        CompletableFuture<EdiMappings> ediMappingsCompiled = start.submit("EDI mappings compiled",
                () -> EdiMappings.load(mappings, ediPartners));
        PartnerDirectory partners = PartnerDirectory.load(partnerFile);
        MailChannel mail = MailChannel.load(props, mappings, partnerFile);
        ValidationRules rules = ValidationRules.parse(prop(props, "orderhub.validation.required-fields"),
                boolProp(props, "orderhub.validation.known-customer"), boolProp(props, "orderhub.validation.catalogue"),
                Double.parseDouble(prop(props, "orderhub.validation.price-tolerance-percent")));

        CompletableFuture<List<DocumentMapper>> xmlMappers = start.submit("XML mappings compiled",
                () -> XmlMappers.load(mappings.resolve("xml")));
        List<DocumentMapper> mapperList = new ArrayList<>();
        CanonicalJsonMapper canonicalJson = new CanonicalJsonMapper(json, mappings.resolve("canonical-order.schema.json"));
        mapperList.add(canonicalJson);
        EdiReader ediReader = new EdiReader(EdiSchemas.load(mappings.resolve("edi/schemas")));
        List<? extends DocumentMapper> webshopMappers = MappingSpecLoader.loadAll(
                mappings.resolve(prop(props, "orderhub.webhook.mappings-dir")));
        // the EDI mappings are waited for at the first EDI document, or when the context starts (a mapping that
        // does not compile still stops the start), whichever comes first
        Supplier<EdiMappings> ediMappings = () -> StartupTasks.joinUnchecked(ediMappingsCompiled);
        context.addStartupListener((ctx, alreadyStarted) -> StartupTasks.join(ediMappingsCompiled));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                ediMappingsCompiled.thenAccept(EdiMappings::close);
            }
        }, true, true);
        EdifactOrdersMapper edifactMapper = new EdifactOrdersMapper(ediReader, ediMappings);
        X12PurchaseOrderMapper x12Mapper = new X12PurchaseOrderMapper(ediReader, ediMappings);
        mapperList.add(edifactMapper);
        mapperList.add(x12Mapper);
        bind(context, "ediReader", ediReader);
        mapperList.addAll(webshopMappers);
        mapperList.addAll(StartupTasks.join(xmlMappers));
        mapperList.add(new CsvOrderMapper(partners, CsvLayouts.load(mappings.resolve("csv"))));
        OcrEngine ocr = ocr(props);
        PdfTemplates pdfTemplates = PdfTemplates.load(mappings, partners.all());
        DocumentReader documents = new DocumentReader(ocr, Float.parseFloat(prop(props, "orderhub.ocr.dpi")),
                intProp(props, "orderhub.ocr.max-pages"), boolProp(props, "orderhub.ocr.despeckle"));
        mapperList.add(PdfOrderMapper.pdf(partners, pdfTemplates, documents));
        mapperList.add(PdfOrderMapper.tiff(partners, pdfTemplates, documents));
        // the mail mapper hands each attachment to the mapper of its format: it gets the mappers once built
        AtomicReference<Mappers> allMappers = new AtomicReference<>();
        mapperList.add(mail.mapper(allMappers::get, BodyTemplateFiles.load(mappings, partners.all())));
        Mappers mappers = new Mappers(mapperList);
        allMappers.set(mappers);

        SlaPolicy sla = new SlaPolicy(intProp(props, "orderhub.sla.default-priority"),
                Duration.ofSeconds(Math.round(Double.parseDouble(prop(props, "orderhub.sla.default-hours")) * 3600)),
                props.resolveProperty("orderhub.sla.default-calendar").orElse(""),
                Double.parseDouble(prop(props, "orderhub.sla.at-risk-percent")),
                Duration.parse(prop(props, "orderhub.sla.at-risk-before").trim()),
                Calendars.load(mappings.resolve(prop(props, "orderhub.sla.calendars-file"))));
        sla.check(partners.all());
        OrderValidator validator = new OrderValidator(partners, rules);
        Pipeline pipeline = new Pipeline(mappers, validator, partners, sla);
        // from here on the database is used
        StartupTasks.join(migrated);
        // console users: the password hashes (PBKDF2) take a while; joined at the end
        Users users = new Users(db, new PasswordHasher(intProp(props, "orderhub.security.pbkdf2-iterations")), clock,
                Duration.ofMinutes(intProp(props, "orderhub.security.session-minutes")));
        CompletableFuture<Users> usersReady = start.submit("console users", () -> {
            UserBootstrap.apply(users, props.resolveProperty("orderhub.security.users").orElse(""),
                    props.resolveProperty("orderhub.security.admin-password").orElse(""));
            return users;
        });
        QueueReader reader = new QueueReader(db);
        GroupCommit commits = new GroupCommit(db, "orderhub-commit", db.dialect() == Database.Dialect.H2 ? 1
                : intProp(props, "orderhub.db.writer-threads"), intProp(props, "orderhub.db.max-batch"), 10_000, 30_000,
                intProp(props, "orderhub.db.commit-linger-us"), intProp(props, "orderhub.db.commit-linger-until"));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                commits.close();
            }
        }, true, true);
        // EDI: repeated interchanges are recognised in the commit's transaction (README "Acknowledgements")
        InterchangeRegistry interchanges = new InterchangeRegistry(ediPartners);
        QueueWriter writer = new QueueWriter(commits, json, reader, interchanges);
        bind(context, "largeEdiIntake", new LargeEdiIntake(Map.of(edifactMapper.format(), edifactMapper,
                x12Mapper.format(), x12Mapper), pipeline, new StreamingCommit(db, writer, reader), interchanges,
                Long.parseLong(prop(props, "orderhub.edi.stream-threshold-bytes").trim())));

        String instanceId = props.resolveProperty("orderhub.instance-id").filter(s -> !s.isBlank())
                .orElse(hostName());
        DeliveryQueue delivery = new DeliveryQueue(db, commits, json, instanceId, intProp(props, "orderhub.erp.max-in-flight"),
                Duration.parse(prop(props, "orderhub.erp.claim-lease")), clock);
        // ERP maintenance window (POST /api/erp/pause): the claim asks this cached bean before it claims
        DeliveryPause deliveryPause = new DeliveryPause(db, clock,
                Duration.ofMillis(intProp(props, "orderhub.erp.pause-refresh-ms")));
        delivery.pausedWhen(deliveryPause);
        bind(context, "deliveryPause", deliveryPause);
        bind(context, "erpSettingsApi", new ErpSettingsApi(deliveryPause, db, json, erpSettings(props), Map.of(
                "maxRedeliveries", intProp(props, "orderhub.erp.retry.max-redeliveries"),
                "initialDelayMs", intProp(props, "orderhub.erp.retry.initial-delay-ms"),
                "multiplier", Double.parseDouble(prop(props, "orderhub.erp.retry.multiplier").trim()),
                "maxDelayMs", intProp(props, "orderhub.erp.retry.max-delay-ms"))));
        if (db.dialect() == Database.Dialect.H2) {
            // an H2 file is open in one process only: whatever is DELIVERING was left by this hub's last run
            delivery.recoverStaleClaims(true);
        } else {
            // claims under this instance's id were left by its last run; other instances' wait for the lease
            delivery.recoverOwnClaims();
        }

        HubMetrics metrics = HubMetrics.create(context, reader::countByStatus, delivery::inFlight,
                Duration.ofMillis(intProp(props, "orderhub.metrics.queue-depth-cache-ms")));
        SlaMonitor slaMonitor = new SlaMonitor(db, json, clock, intProp(props, "orderhub.sla.batch-size"),
                Duration.parse(prop(props, "orderhub.sla.alert-lease").trim()));
        metrics.slaGauges(context, slaMonitor::countOpenBySlaState,
                Duration.ofMillis(intProp(props, "orderhub.metrics.queue-depth-cache-ms")));
        bind(context, "slaMonitor", slaMonitor);
        bind(context, "slaAlertChannels", new SlaAlertChannels(
                props.resolveProperty("orderhub.sla.alert-url").orElse(""), intProp(props, "orderhub.sla.alert-timeout-ms"),
                props.resolveProperty("orderhub.sla.alert-mail-to").orElse(""),
                props.resolveProperty("orderhub.sla.alert-mail-from").orElse(""),
                props.resolveProperty("orderhub.sla.alert-smtp").orElse(""),
                props.resolveProperty("orderhub.sla.alert-smtp-user").orElse(""),
                props.resolveProperty("orderhub.sla.alert-smtp-password").orElse("")));
        HealthChecks.register(context, db, prop(props, "orderhub.erp.url"),
                props.resolveProperty("orderhub.erp.health-url").orElse(""),
                Duration.ofMillis(intProp(props, "orderhub.health.timeout-ms")),
                boolProp(props, "orderhub.health.erp-readiness"));
        org.apache.camel.health.HealthCheckRegistry.get(context).register(new OcrHealthCheck(ocr.available(), ocr.status()));

        ErpSimulator simulator = new ErpSimulator(prop(props, "orderhub.erp.simulator.number-prefix"),
                intProp(props, "orderhub.erp.simulator.max-bookings"));

        bind(context, "database", db);
        bind(context, "partners", partners);
        bind(context, "pipeline", pipeline);
        bind(context, "queueWriter", writer);
        bind(context, "queueReader", reader);
        bind(context, "deliveryQueue", delivery);
        bind(context, "hubMetrics", metrics);
        bind(context, "erpDelivery", new ErpDelivery(delivery,
                new ErpResponses(json, prop(props, "orderhub.erp.order-number-pointer")), metrics));
        bind(context, "erpRedeliveryCounter", new ErpDelivery.RedeliveryCounter());
        bind(context, "erpSimulator", simulator);
        bind(context, "erpSimulatorApi", new ErpSimulatorApi(simulator, json));
        ApiKeys apiKeys = new ApiKeys(props.resolveProperty("orderhub.http.api-keys").orElse(""));
        OrdersApi ordersApi = new OrdersApi(json, apiKeys, partners, mappers, reader, delivery, clock,
                intProp(props, "orderhub.http.max-page-size"));
        bind(context, "ordersApi", ordersApi);
        bind(context, "exceptionDesk", new ExceptionDeskApi(ordersApi, reader,
                new OrderActions(db, json, validator, canonicalJson, clock)));
        ordersApi.useAccess(new Access(apiKeys, users));
        bind(context, "sessionApi", new SessionApi(json, users, boolProp(props, "orderhub.security.secure-cookie")));
        bind(context, "usersApi", new UsersApi(json, users));
        bind(context, "queueApi", new QueueApi(new QueueSearch(db), json, intProp(props, "orderhub.http.max-page-size"),
                intProp(props, "orderhub.console.top-customers"), intProp(props, "orderhub.console.counts-cache-ms")));
        bind(context, "documentViewApi", new DocumentViewApi(reader, json, mail.file().limits().maxAttachmentBytes()));
        bind(context, "consoleAssets", new ConsoleAssets());
        bind(context, "ediDocumentApi", new EdiDocumentApi(json, reader,
                new EdiView(ediReader, EdiDictionary.loadAll(mappings.resolve("edi/dictionary"))),
                intProp(props, "orderhub.edi.view.max-messages")));
        bind(context, "webhooksApi", new WebhooksApi(ordersApi, apiKeys, partners, mappers,
                partnerId -> props.resolveProperty("orderhub.webhook.secret." + partnerId)));
        bind(context, "intakeLog", new IntakeLog(metrics));
        bind(context, "h2Maintenance", new io.orderhub.support.H2Maintenance(db,
                intProp(props, "orderhub.db.h2-compact-fill-rate"), intProp(props, "orderhub.db.h2-compact-write-bytes")));
        bind(context, "queueDepthSampler", new QueueDepthSampler(db, clock,
                Duration.ofMillis(intProp(props, "orderhub.kpi.sample-interval-ms")),
                Duration.ofDays(intProp(props, "orderhub.kpi.sample-retention-days"))));
        bind(context, "dashboardsApi", new DashboardsApi(new Kpis(db, json),
                new Dashboards(db, json, clock), json, clock));
        bind(context, "casesApi", new CasesApi(new Cases(db, json, clock), json,
                java.util.Set.of(prop(props, "orderhub.cases.kinds").split("\\s*,\\s*")),
                intProp(props, "orderhub.http.max-page-size")));
        DropRoutes.register(context, mappings.resolve(prop(props, "orderhub.partners.file")));
        bindAcknowledgements(context, props, db, json, ediPartners, partners, clock);
        mail.register(context, partners, db);
        StartupTasks.join(usersReady);
    }

    /** EDI acknowledgements and order responses: their store, writers, outbox, API and outbound routes. */
    private static void bindAcknowledgements(CamelContext context, PropertiesComponent props, Database db,
                                             ObjectMapper json, EdiPartners ediPartners, PartnerDirectory partners,
                                             Clock clock) {
        AckStore acks = new AckStore(db);
        OwnId ownId = new OwnId(props.resolveProperty("orderhub.edi.own-id").orElse(""),
                props.resolveProperty("orderhub.edi.own-qualifier").orElse(""));
        bind(context, "ediAcknowledgements", new Acknowledgements(acks, ediPartners, partners, ownId, clock));
        bind(context, "ediOrderResponses", new OrderResponses(acks, ediPartners, ownId, json, clock));
        bind(context, "ediOutbox", new AckOutbox(acks, clock, Duration.ofMillis(intProp(props, "orderhub.edi.outbox.retry-ms")),
                intProp(props, "orderhub.edi.outbox.batch")));
        bind(context, "acknowledgementsApi", new AcknowledgementsApi(acks, json));
        bind(context, "ediOutboundRoutes", OutboundRoutes.of(ediPartners.all(), props::resolveProperty,
                Path.of(props.resolveProperty(DropRoutes.FOLDER_BASE).orElse("").trim())));
    }

    /** Tesseract for scans and faxes; whether it is there is said at start, and by the health check {@code ocr}. */
    private static OcrEngine ocr(PropertiesComponent props) {
        OcrEngine ocr = new OcrEngine(prop(props, "orderhub.ocr.command"), prop(props, "orderhub.ocr.language"),
                intProp(props, "orderhub.ocr.page-segmentation-mode"), Duration.ofSeconds(intProp(props, "orderhub.ocr.timeout-seconds")));
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderHubConfiguration.class);
        if (ocr.available()) {
            log.info("OCR for scanned and faxed orders: {}", ocr.status());
        } else {
            log.warn("OCR for scanned and faxed orders is {}", ocr.status());
        }
        return ocr;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    private static void bind(CamelContext context, String name, Object bean) {
        context.getRegistry().bind(name, bean);
    }

    /** What GET /api/erp shows of the delivery's configuration (the URL redacted there). */
    private static Map<String, Object> erpSettings(PropertiesComponent props) {
        Map<String, Object> erp = new java.util.LinkedHashMap<>();
        erp.put("url", prop(props, "orderhub.erp.url"));
        erp.put("connectTimeoutMs", intProp(props, "orderhub.erp.connect-timeout-ms"));
        erp.put("responseTimeoutMs", intProp(props, "orderhub.erp.response-timeout-ms"));
        erp.put("maxInFlight", intProp(props, "orderhub.erp.max-in-flight"));
        erp.put("concurrency", intProp(props, "orderhub.erp.concurrency"));
        erp.put("pollIntervalMs", intProp(props, "orderhub.erp.poll-interval-ms"));
        return erp;
    }

    static String prop(PropertiesComponent props, String key) {
        return props.resolveProperty(key)
                .orElseThrow(() -> new IllegalStateException("Missing configuration property " + key));
    }

    static int intProp(PropertiesComponent props, String key) {
        return Integer.parseInt(prop(props, key).trim());
    }

    static boolean boolProp(PropertiesComponent props, String key) {
        return Boolean.parseBoolean(prop(props, key).trim());
    }

}
