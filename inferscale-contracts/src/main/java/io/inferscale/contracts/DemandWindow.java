package io.inferscale.contracts;

import java.time.Instant;

/**
 * Demand for one model over one event-time window (topic {@code demand}). Emitted once the window
 * closes, i.e. after its end plus the lateness allowance; records later than that are counted in
 * {@code lateRecords} of the window that is open when they arrive, never silently dropped.
 */
public record DemandWindow(
        EventMeta meta,
        String model,
        Instant windowStart,
        int windowSeconds,
        long arrivals,
        long completions,
        long errors,
        long promptTokens,
        long outputTokens,
        Quantiles latencyMs,
        Quantiles ttftMs,
        double inFlight,
        long lateRecords)
        implements InferScaleEvent {

    public static final int SCHEMA_VERSION = 1;

    public DemandWindow {
        Validate.notNull(meta, "meta");
        Validate.model(model);
        Validate.notNull(windowStart, "windowStart");
        Validate.positive(windowSeconds, "windowSeconds");
        Validate.nonNegative(arrivals, "arrivals");
        Validate.nonNegative(completions, "completions");
        Validate.nonNegative(errors, "errors");
        Validate.nonNegative(promptTokens, "promptTokens");
        Validate.nonNegative(outputTokens, "outputTokens");
        Validate.nonNegative(inFlight, "inFlight");
        Validate.nonNegative(lateRecords, "lateRecords");
    }

    public Instant windowEnd() {
        return windowStart.plusSeconds(windowSeconds);
    }
}
