package io.inferscale.fleetsim;

import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.core.scaling.AutoscalerSettings;

/**
 * The bounds and target every benchmarked autoscaler gets, so that {@code static}, {@code hpa} and
 * {@code kpa} compare like for like (each keeps its upstream defaults for everything else).
 *
 * <ul>
 *   <li>min 1, max {@code max(16, 4 x the initial fleet)}: room to quadruple, never scale to zero.
 *   <li>target concurrency per replica, simple mode: half the concurrency limit (4 of 8 slots), so
 *       a replica keeps headroom for bursts before requests queue.
 *   <li>LLM mode: 32 sequences. A decode step then takes 7 + 32 x 0.1 = 10.2 ms against 7.1 ms
 *       alone (the {@link ReplicaConfig#llmDefaults()} timings), so inter-token latency stays
 *       within about 1.4x of an idle replica; half of {@code maxBatch} (128) would double it.
 * </ul>
 */
final class ScalingDefaults {

    static final double LLM_TARGET_CONCURRENCY = 32;

    private ScalingDefaults() {}

    static AutoscalerSettings forFleet(ReplicaConfig replica, int initialReplicas) {
        double target =
                replica.mode() == ReplicaConfig.Mode.LLM
                        ? LLM_TARGET_CONCURRENCY
                        : Math.max(1, replica.maxBatch() / 2.0);
        return AutoscalerSettings.of(1, Math.max(16, 4 * initialReplicas), target);
    }
}
