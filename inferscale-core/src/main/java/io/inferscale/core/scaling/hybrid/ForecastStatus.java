package io.inferscale.core.scaling.hybrid;

/** Whether the forecast term took part in a decision, and if not, why not. */
public enum ForecastStatus {
    /** The forecast term was computed and took part. */
    USED,
    /** No forecast has been received (yet): a new model, or a forecaster still learning. */
    MISSING,
    /** The forecaster marked it degraded (gaps or stale input behind it). */
    DEGRADED,
    /** Its origin is older than {@link HybridSettings#maxForecastAge()}. */
    STALE,
    /** It ends before {@code now + provisioningLeadTime}, the instant it is needed for. */
    TOO_SHORT,
    /**
     * The decision came before the forecast was looked at: the current count was outside the
     * bounds, or the telemetry was stale.
     */
    NOT_EVALUATED,
    /** No per-replica capacity to divide it by: no latency has been observed yet. */
    NO_CAPACITY;

    /** True unless the forecast took part: the decision was reactive only. */
    public boolean reactiveOnly() {
        return this != USED;
    }
}
