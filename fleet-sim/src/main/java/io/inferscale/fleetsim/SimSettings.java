package io.inferscale.fleetsim;

import io.inferscale.core.replica.ReplicaConfig;
import java.util.List;

/**
 * Everything one run needs besides its policies and its arrivals.
 *
 * @param replica how every replica serves (LLM or simple mode and its timings)
 * @param initialSpeeds the fleet at the start, ready at the first arrival: one speed factor each
 * @param newReplicaSpeed speed factor of replicas the autoscaler adds
 * @param provisioningDelayNanos cold start: from the scale-out decision to ready
 * @param sloTtftNanos TTFT objective, {@link Long#MAX_VALUE} for none
 * @param sloLatencyNanos end-to-end latency objective, {@link Long#MAX_VALUE} for none
 * @param seed seeds the router's random choices and every replica's draws
 */
public record SimSettings(
        ReplicaConfig replica,
        List<Double> initialSpeeds,
        double newReplicaSpeed,
        long provisioningDelayNanos,
        long sloTtftNanos,
        long sloLatencyNanos,
        long seed) {

    /** The grid for balance samples and the autoscaler's observations. */
    static final long SAMPLE_NANOS = 1_000_000_000L;

    public SimSettings {
        initialSpeeds = List.copyOf(initialSpeeds);
        if (provisioningDelayNanos < 0 || sloTtftNanos < 0 || sloLatencyNanos < 0) {
            throw new IllegalArgumentException("delays and SLOs must be >= 0");
        }
    }
}
