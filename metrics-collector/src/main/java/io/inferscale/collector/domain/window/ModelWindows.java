package io.inferscale.collector.domain.window;

import java.util.Arrays;

/** One model's open windows, one ring per window size. */
final class ModelWindows {
    final String model;
    final WindowRing[] rings;

    /**
     * Per size: the first window this model has data in (or the horizon, when its data went to the
     * previous owner). Quiet windows after it are emitted as zeros while the model is active.
     */
    final long[] emitFrom;

    long lastArrival = Long.MIN_VALUE;

    ModelWindows(String model, int[] capacities) {
        this.model = model;
        this.rings = new WindowRing[capacities.length];
        for (int s = 0; s < capacities.length; s++) {
            rings[s] = new WindowRing(capacities[s]);
        }
        this.emitFrom = new long[capacities.length];
        Arrays.fill(emitFrom, Long.MAX_VALUE);
    }

    int openWindows() {
        int n = 0;
        for (WindowRing r : rings) {
            n += r.used();
        }
        return n;
    }
}
