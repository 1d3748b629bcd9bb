package io.orderhub.edi;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One reader and one compiled mapping per standard serve concurrent requests. */
class EdiConcurrencyTest {

    @Test
    void concurrentMappingsGiveTheSameOrders() throws Exception {
        String edifact = EdiSamples.edifact("4012345000009", 20, 5);
        String x12 = EdiSamples.x12("ACMEPO", 20, 5);
        MappingResult expectedEdifact = EdiFixture.mapEdifact(edifact);
        MappingResult expectedX12 = EdiFixture.mapX12(x12);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean even = i % 2 == 0;
                runs.add(pool.submit(() -> even
                        ? same(EdiFixture.mapEdifact(edifact), expectedEdifact)
                        : same(EdiFixture.mapX12(x12), expectedX12)));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean same(MappingResult actual, MappingResult expected) {
        if (actual.orders().size() != expected.orders().size()) {
            return false;
        }
        for (int i = 0; i < actual.orders().size(); i++) {
            MappedOrder a = actual.orders().get(i);
            MappedOrder e = expected.orders().get(i);
            if (!a.order().equals(e.order()) || !a.provenance().equals(e.provenance()) || !a.problems().equals(e.problems())) {
                return false;
            }
        }
        return actual.problems().equals(expected.problems());
    }
}
