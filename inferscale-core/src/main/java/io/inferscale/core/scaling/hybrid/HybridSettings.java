package io.inferscale.core.scaling.hybrid;

import java.time.Duration;

/**
 * The hybrid decider's own constants: what a {@link io.inferscale.core.scaling.ScalingPolicy} does
 * not say per model. Defaults follow the HPA and Knative where those have one.
 *
 * @param tolerance the reactive term ignores {@code |load/target - 1| <= tolerance} (HPA's 0.1)
 * @param panicThreshold panic when the panic window's load reaches this many times what the ready
 *     replicas carry at target (Knative's 200%)
 * @param panicHold how long panic lasts after the threshold was last crossed: one stable window
 *     (Knative's 60 s)
 * @param maxTelemetryAge demand observed longer ago than this is stale: hold and raise the alert
 * @param maxForecastAge a forecast whose origin is older than this is stale: reactive only
 * @param minRequestsPerSecondForLatency below this arrival rate, Little's law ({@code latency =
 *     concurrency / rate}) divides noise by almost nothing; the last latency measured at a higher
 *     rate is kept instead
 */
public record HybridSettings(
        double tolerance,
        double panicThreshold,
        Duration panicHold,
        Duration maxTelemetryAge,
        Duration maxForecastAge,
        double minRequestsPerSecondForLatency) {

    public HybridSettings {
        require(tolerance >= 0 && tolerance < 1, "tolerance: must be in [0, 1)");
        require(
                panicThreshold > 1 && Double.isFinite(panicThreshold),
                "panicThreshold: must be finite and > 1");
        requirePositive(panicHold, "panicHold");
        requirePositive(maxTelemetryAge, "maxTelemetryAge");
        requirePositive(maxForecastAge, "maxForecastAge");
        require(
                minRequestsPerSecondForLatency > 0
                        && Double.isFinite(minRequestsPerSecondForLatency),
                "minRequestsPerSecondForLatency: must be finite and > 0");
    }

    /**
     * Tolerance 0.1, panic at 2x for 60 s, telemetry stale after 60 s (four HPA sync periods),
     * forecasts stale after 10 minutes, latency measured from 0.5 requests/s up.
     */
    public static HybridSettings defaults() {
        return new HybridSettings(
                0.1,
                2.0,
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                0.5);
    }

    public HybridSettings withMaxTelemetryAge(Duration age) {
        return new HybridSettings(
                tolerance,
                panicThreshold,
                panicHold,
                age,
                maxForecastAge,
                minRequestsPerSecondForLatency);
    }

    public HybridSettings withMaxForecastAge(Duration age) {
        return new HybridSettings(
                tolerance,
                panicThreshold,
                panicHold,
                maxTelemetryAge,
                age,
                minRequestsPerSecondForLatency);
    }

    private static void requirePositive(Duration d, String field) {
        require(d != null && !d.isNegative() && !d.isZero(), field + ": must be > 0");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
