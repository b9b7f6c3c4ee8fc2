package io.inferscale.core.scaling;

import io.inferscale.contracts.ScalingReason;

/**
 * The control group: keeps whatever replica count it is given, so a benchmark can show what a fixed
 * fleet costs and misses. It only brings an out-of-bounds count back into [min, max], which no
 * decider may leave.
 */
public final class StaticAutoscaler implements ReplicaAutoscaler {
    /** Matches the HPA's sync period, so decision logs line up row for row. */
    private static final long TICK_NANOS = 15_000_000_000L;

    private final AutoscalerSettings settings;

    public StaticAutoscaler(AutoscalerSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "static";
    }

    @Override
    public long tickNanos() {
        return TICK_NANOS;
    }

    @Override
    public void observe(long nowNanos, LoadSample sample) {}

    @Override
    public ScaleDecision decide(long nowNanos, int currentReplicas, int readyReplicas) {
        if (currentReplicas < 0 || readyReplicas < 0) {
            throw new IllegalArgumentException("replica counts must be >= 0");
        }
        int bounded = settings.clamp(currentReplicas);
        return bounded == currentReplicas
                ? new ScaleDecision(bounded, ScalingReason.NO_CHANGE, "static fleet")
                : new ScaleDecision(
                        bounded,
                        ScalingReason.BOUNDS,
                        currentReplicas
                                + " replicas is outside ["
                                + settings.minReplicas()
                                + ", "
                                + settings.maxReplicas()
                                + "]");
    }
}
