package io.inferscale.core.routing;

import java.time.Duration;

/**
 * Envoy-style outlier ejection ({@code outlier_detection}): a replica with {@code consecutive5xx}
 * failures in a row (5xx answers or connect failures) is taken out of rotation for {@code
 * baseEjectionTime} times the number of times it has been ejected, capped at {@code
 * maxEjectionTime}. At most {@code maxEjectionPercent} of a model's replicas are ejected at once,
 * but at least one may be, as in Envoy.
 */
public record OutlierPolicy(
        int consecutive5xx,
        Duration baseEjectionTime,
        Duration maxEjectionTime,
        int maxEjectionPercent) {

    /**
     * Envoy's defaults, except max ejection percent: Envoy's 10% never ejects two of a small LLM
     * fleet's replicas.
     */
    public static final OutlierPolicy DEFAULTS =
            new OutlierPolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(300), 50);

    public OutlierPolicy {
        if (consecutive5xx < 1) {
            throw new IllegalArgumentException("consecutive5xx: must be >= 1");
        }
        if (baseEjectionTime == null
                || baseEjectionTime.isNegative()
                || baseEjectionTime.isZero()) {
            throw new IllegalArgumentException("baseEjectionTime: must be positive");
        }
        if (maxEjectionTime == null || maxEjectionTime.compareTo(baseEjectionTime) < 0) {
            throw new IllegalArgumentException("maxEjectionTime: must be >= baseEjectionTime");
        }
        if (maxEjectionPercent < 0 || maxEjectionPercent > 100) {
            throw new IllegalArgumentException("maxEjectionPercent: must be within [0, 100]");
        }
    }
}
