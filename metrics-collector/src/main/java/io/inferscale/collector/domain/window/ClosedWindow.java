package io.inferscale.collector.domain.window;

import java.time.Instant;
import java.util.List;

/**
 * A window that will not change any more. Rollup-sized windows also carry the per-replica split;
 * other sizes have an empty list.
 */
public record ClosedWindow(
        String model,
        Instant start,
        int seconds,
        WindowTotals totals,
        List<ReplicaWindow> replicas) {

    public Instant end() {
        return start.plusSeconds(seconds);
    }
}
