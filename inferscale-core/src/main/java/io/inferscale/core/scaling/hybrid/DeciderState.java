package io.inferscale.core.scaling.hybrid;

import java.util.List;

/**
 * Everything the decider remembers between decisions, handed back with every decision so that the
 * caller can persist it (the scaler-service stores it per model; the simulator keeps it in a
 * field). Immutable: nothing is remembered anywhere else.
 *
 * @param recommendations the unstabilised proposals of the recent past, oldest first, for the
 *     stabilisation windows (HPA's recommendation history)
 * @param lastPanicNanos when the panic threshold was last crossed, {@link #NEVER} when not
 *     panicking
 * @param panicPeak the most replicas asked for during the current panic (Knative's maxPanicPods)
 * @param latencySeconds the last latency measured by Little's law, NaN before the first
 */
public record DeciderState(
        List<Recommendation> recommendations,
        long lastPanicNanos,
        int panicPeak,
        double latencySeconds) {

    public static final long NEVER = Long.MIN_VALUE;

    /** One proposal and when it was made. */
    public record Recommendation(long atNanos, int replicas) {}

    public DeciderState {
        recommendations = List.copyOf(recommendations);
        for (int i = 1; i < recommendations.size(); i++) {
            if (recommendations.get(i).atNanos() < recommendations.get(i - 1).atNanos()) {
                throw new IllegalArgumentException("recommendations: must be oldest first");
            }
        }
        if (panicPeak < 0) {
            throw new IllegalArgumentException("panicPeak: must be >= 0");
        }
        if (!(Double.isNaN(latencySeconds) || latencySeconds >= 0)) {
            throw new IllegalArgumentException("latencySeconds: must be NaN or >= 0");
        }
    }

    /** A model the decider has not seen before. */
    public static DeciderState initial() {
        return new DeciderState(List.of(), NEVER, 0, Double.NaN);
    }

    public boolean panicking() {
        return lastPanicNanos != NEVER;
    }
}
