package io.inferscale.core.scaling.hybrid;

/**
 * The observed load, already windowed by the caller (see {@link DemandWindows}), fleet-wide.
 *
 * @param observedAtNanos when the newest sample behind these numbers was taken, on the decider's
 *     clock: how stale the telemetry is
 * @param stableConcurrency requests in flight on the ready replicas, averaged over the stable
 *     window (Knative's 60 s): what the reactive term sizes for
 * @param panicConcurrency the same over the short panic window (Knative's 6 s): what detects a
 *     burst
 * @param requestsPerSecond arrival rate over the stable window; with {@code stableConcurrency} it
 *     gives the latency by Little's law
 */
public record DemandView(
        long observedAtNanos,
        double stableConcurrency,
        double panicConcurrency,
        double requestsPerSecond) {
    public DemandView {
        requireRate(stableConcurrency, "stableConcurrency");
        requireRate(panicConcurrency, "panicConcurrency");
        requireRate(requestsPerSecond, "requestsPerSecond");
    }

    static void requireRate(double v, String field) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + ": must be finite and >= 0, was " + v);
        }
    }
}
