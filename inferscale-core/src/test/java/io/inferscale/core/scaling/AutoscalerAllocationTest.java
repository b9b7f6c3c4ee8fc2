package io.inferscale.core.scaling;

import static io.inferscale.core.scaling.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator feeds millions of samples per run, so {@code observe} must not allocate once warm.
 * Measured with HotSpot's per-thread allocation counter; skipped on JVMs without one.
 */
class AutoscalerAllocationTest {
    private static final int CALLS = 1_000_000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"static", "hpa", "kpa"})
    void observeAllocatesNothingInSteadyState(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        long thread = Thread.currentThread().getId();
        ReplicaAutoscaler scaler = Autoscalers.create(name, AutoscalerSettings.of(1, 50, 10));
        LoadSample busy = new LoadSample(120, 60, 8);
        LoadSample idle = new LoadSample(0, 0, 8);
        long now = 0;
        for (int i = 0; i < CALLS; i++) { // warm up, and grow every ring to its steady size
            scaler.observe(now += SECOND / 4, i % 7 == 0 ? idle : busy);
        }

        long before = counter.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            scaler.observe(now += SECOND / 4, i % 7 == 0 ? idle : busy);
        }
        long allocated = counter.getThreadAllocatedBytes(thread) - before;

        assertThat(allocated)
                .as("bytes allocated by %d observe calls", CALLS)
                .isLessThan(CALLS / 10);
    }
}
