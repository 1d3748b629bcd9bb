package io.orderhub.edi;

import io.orderhub.edi.ack.InterchangeRegistry;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Channel;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.OrderStatus;
import io.orderhub.queue.Intake;
import io.orderhub.queue.IntakeOutcome;
import io.orderhub.queue.PlannedOrder;
import io.orderhub.queue.QueueReader;
import io.orderhub.queue.QueueWriter;
import io.orderhub.support.Database;
import io.orderhub.support.GroupCommit;
import io.orderhub.support.Ids;
import io.orderhub.support.Json;
import io.orderhub.testing.Postgres;
import io.orderhub.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicate-interchange check in the commit transaction: a control number seen before from the same sender
 * holds the repeat's orders for review with a problem naming the earlier document; on PostgreSQL, documents with one
 * control number committed at once by two hub instances leave exactly one not flagged.
 */
class InterchangeRegistryTest {

    static final AtomicInteger PO = new AtomicInteger();

    @TempDir
    Path dir;

    static Intake intake(String text) {
        InboundDocument doc = new InboundDocument(Ids.newId(), Instant.now(), Channel.FOLDER, "test", null, null,
                "application/EDIFACT", "edifact", null, text.getBytes(StandardCharsets.UTF_8));
        MappingResult r = EdiFixture.EDIFACT.map(doc);
        List<PlannedOrder> planned = new ArrayList<>();
        for (MappedOrder m : r.orders()) {
            planned.add(new PlannedOrder(Ids.newId(), m, m.problems(), 5, Instant.now().plusSeconds(3600)));
        }
        return new Intake(doc, r, planned);
    }

    static String interchange(String icn) {
        return EdiSamples.edifact("4012345000009", 2, 1).replace("+1001'", "+" + icn + "'")
                .replace("BGM+220+PO-", "BGM+220+REG" + PO.incrementAndGet() + "-");
    }

    static QueueWriter writer(Database db, GroupCommit commits) {
        return new QueueWriter(commits, Json.newMapper(), new QueueReader(db),
                new InterchangeRegistry(new EdiPartners(List.of())));
    }

    @Test
    void repeatedControlNumberInAnotherDocumentSendsItsOrdersToReview() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            QueueWriter w = writer(t.db(), t.commits());
            IntakeOutcome first = w.commit(intake(interchange("R1")));
            IntakeOutcome second = w.commit(intake(interchange("R1")));
            IntakeOutcome other = w.commit(intake(interchange("R2")));

            assertThat(first.orders()).extracting(IntakeOutcome.OrderOutcome::status).containsOnly(OrderStatus.QUEUED);
            assertThat(other.orders()).extracting(IntakeOutcome.OrderOutcome::status).containsOnly(OrderStatus.QUEUED);
            assertThat(second.orders()).hasSize(2).allSatisfy(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.NEEDS_REVIEW);
                assertThat(o.problems()).anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo(InterchangeRegistry.CODE);
                    assertThat(p.path()).isEqualTo("UNB R1");
                    assertThat(p.message()).contains("control number R1", "sender 4012345000009",
                            "document " + first.documentId());
                });
            });
        }
    }

    @Test
    void repeatedControlNumberWithinOneFileFlagsTheSecondInterchange() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            IntakeOutcome out = writer(t.db(), t.commits()).commit(intake(interchange("R3") + interchange("R3")));
            assertThat(out.orders()).extracting(IntakeOutcome.OrderOutcome::status).containsExactly(OrderStatus.QUEUED,
                    OrderStatus.QUEUED, OrderStatus.NEEDS_REVIEW, OrderStatus.NEEDS_REVIEW);
            assertThat(out.orders().get(2).problems()).anySatisfy(p ->
                    assertThat(p.message()).contains("earlier in the same file"));
        }
    }

    @Test
    void twoInstancesOnPostgresLetOnlyOneDocumentThrough() throws Exception {
        Postgres.assumeAvailable();
        String schema = Postgres.createSchema("oh_reg");
        try (Database one = new Database(Postgres.urlFor(schema), Postgres.USER, "", 4);
             Database two = new Database(Postgres.urlFor(schema), Postgres.USER, "", 4)) {
            one.migrate();
            GroupCommit c1 = new GroupCommit(one, "reg-1", 2, 50, 10_000, 30_000);
            GroupCommit c2 = new GroupCommit(two, "reg-2", 2, 50, 10_000, 30_000);
            List<QueueWriter> writers = List.of(writer(one, c1), writer(two, c2));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Intake> intakes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    intakes.add(intake(interchange("PG1")));
                }
                List<Future<IntakeOutcome>> futures = new ArrayList<>();
                for (int i = 0; i < intakes.size(); i++) {
                    QueueWriter w = writers.get(i % 2);
                    Intake in = intakes.get(i);
                    futures.add(pool.submit(() -> w.commit(in)));
                }
                int through = 0;
                int held = 0;
                for (Future<IntakeOutcome> f : futures) {
                    IntakeOutcome o = f.get();
                    if (o.orders().stream().allMatch(x -> x.status() == OrderStatus.QUEUED)) {
                        through++;
                    } else if (o.orders().stream().allMatch(x -> x.status() == OrderStatus.NEEDS_REVIEW)) {
                        held++;
                    }
                }
                assertThat(through).isEqualTo(1);
                assertThat(held).isEqualTo(7);
            } finally {
                pool.shutdownNow();
                c1.close();
                c2.close();
            }
        } finally {
            Postgres.dropSchema(schema);
        }
    }
}
