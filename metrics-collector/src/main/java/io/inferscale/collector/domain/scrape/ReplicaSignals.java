package io.inferscale.collector.domain.scrape;

import io.inferscale.contracts.Quantiles;

/**
 * One replica's load in InferScale's terms, whatever server it runs. Every field is null when the
 * server does not expose it or when it cannot be known yet (latencies need two scrapes): a missing
 * signal must never read as an idle replica.
 *
 * @param running requests in the running batch
 * @param waiting requests queued, not yet scheduled
 * @param kvCacheUsage fraction of the KV cache in use, 0..1
 * @param gpuUtilization fraction, 0..1, averaged over the server's GPUs
 * @param ttftMs time-to-first-token quantiles of the requests since the previous scrape
 * @param latencyMs end-to-end latency quantiles of the requests since the previous scrape
 * @param meanLatencyMs mean end-to-end latency since the previous scrape (the only latency Triton
 *     and TorchServe export by default)
 * @param meanQueueMs mean time queued since the previous scrape
 */
public record ReplicaSignals(
        Double running,
        Double waiting,
        Double kvCacheUsage,
        Double gpuUtilization,
        Quantiles ttftMs,
        Quantiles latencyMs,
        Double meanLatencyMs,
        Double meanQueueMs) {

    public static final ReplicaSignals NONE =
            new ReplicaSignals(null, null, null, null, null, null, null, null);

    /**
     * Values a server should never report (NaN, negative, a fraction well above 1) become null
     * instead of failing the whole snapshot; a fraction a hair above 1 is float noise and is
     * clamped.
     */
    public ReplicaSignals {
        running = count(running);
        waiting = count(waiting);
        kvCacheUsage = fraction(kvCacheUsage);
        gpuUtilization = fraction(gpuUtilization);
        meanLatencyMs = count(meanLatencyMs);
        meanQueueMs = count(meanQueueMs);
    }

    private static Double count(Double v) {
        return v == null || v.isNaN() || v.isInfinite() || v < 0 ? null : v;
    }

    private static Double fraction(Double v) {
        if (v == null || v.isNaN() || v < 0 || v > 1.01) {
            return null;
        }
        return Math.min(v, 1.0);
    }
}
