package io.inferscale.fleetsim;

/**
 * The outcome of one lb x autoscaler run; {@code docs/benchmarks.md} defines every field.
 *
 * @param requests arrivals replayed; {@code completed + dropped + failed}
 * @param dropped arrivals that found no ready replica (the gateway answers 503)
 * @param failed requests a replica rejected (too large ever to fit its KV cache)
 */
public record RunResult(
        String lb,
        String autoscaler,
        long requests,
        long completed,
        long dropped,
        long failed,
        Distribution latencyMs,
        Distribution ttftMs,
        double sloAttainment,
        double replicaSeconds,
        double lbEfficiency,
        double imbalanceCv,
        double prefixHitRate,
        long scaleActions) {

    /** Summary of a latency distribution over completed requests, in milliseconds. */
    public record Distribution(double mean, double p50, double p90, double p99) {
        static final Distribution EMPTY = new Distribution(0, 0, 0, 0);
    }
}
