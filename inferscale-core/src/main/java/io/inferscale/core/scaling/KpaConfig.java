package io.inferscale.core.scaling;

import static io.inferscale.core.scaling.ConfigChecks.require;
import static io.inferscale.core.scaling.ConfigChecks.requireBetween;

import java.time.Duration;

/**
 * Knative Pod Autoscaler knobs, named and defaulted as in knative/serving {@code
 * config/core/configmaps/autoscaler.yaml} and validated as {@code pkg/autoscaler/config/config.go}
 * does.
 *
 * @param stableWindow {@code stable-window}: the averaging window of stable mode, default 60 s (6 s
 *     to 1 h, whole seconds)
 * @param panicWindowPercentage {@code panic-window-percentage}: the panic window as a percentage of
 *     the stable window, default 10 (so 6 s)
 * @param panicThresholdPercentage {@code panic-threshold-percentage}: panic when the panic window
 *     wants this percentage of the ready pods, default 200
 * @param targetUtilisation {@code container-concurrency-target-percentage} / 100: the fraction of
 *     the per-replica target actually aimed at, default 0.7
 * @param maxScaleUpRate {@code max-scale-up-rate}: at most this many times the ready pods per
 *     decision, default 1000
 * @param maxScaleDownRate {@code max-scale-down-rate}: at least the ready pods divided by this per
 *     decision, default 2
 * @param enableScaleToZero {@code enable-scale-to-zero}, default true (takes effect only when
 *     {@code minReplicas} is 0)
 * @param tickInterval how often the decider runs: {@code tickInterval} in {@code
 *     pkg/autoscaler/scaling/multiscaler.go}, 2 s
 */
public record KpaConfig(
        Duration stableWindow,
        double panicWindowPercentage,
        double panicThresholdPercentage,
        double targetUtilisation,
        double maxScaleUpRate,
        double maxScaleDownRate,
        boolean enableScaleToZero,
        Duration tickInterval) {

    /** Metric bucket width: knative's {@code BucketSize}, one scrape interval. */
    static final Duration BUCKET = Duration.ofSeconds(1);

    public KpaConfig {
        requireBetween(stableWindow, Duration.ofSeconds(6), Duration.ofHours(1), "stableWindow");
        require(
                stableWindow.toNanos() % 1_000_000_000L == 0,
                "stableWindow: must be whole seconds");
        require(
                panicWindowPercentage >= 1 && panicWindowPercentage <= 100,
                "panicWindowPercentage: must be in [1, 100]");
        require(
                panicThresholdPercentage >= 110 && panicThresholdPercentage <= 1000,
                "panicThresholdPercentage: must be in [110, 1000]");
        require(
                targetUtilisation > 0 && targetUtilisation <= 1,
                "targetUtilisation: must be in (0, 1]");
        require(
                maxScaleUpRate > 1 && Double.isFinite(maxScaleUpRate),
                "maxScaleUpRate: must be > 1");
        require(
                maxScaleDownRate > 1 && Double.isFinite(maxScaleDownRate),
                "maxScaleDownRate: must be > 1");
        requireBetween(tickInterval, Duration.ofMillis(1), Duration.ofMinutes(10), "tickInterval");
        long panicNanos = (long) (stableWindow.toNanos() * panicWindowPercentage / 100);
        require(
                panicNanos >= BUCKET.toNanos(),
                "panicWindowPercentage: the panic window must be at least " + BUCKET);
    }

    public static KpaConfig defaults() {
        return new KpaConfig(
                Duration.ofSeconds(60), 10, 200, 0.7, 1000, 2, true, Duration.ofSeconds(2));
    }

    public KpaConfig withStableWindow(Duration window) {
        return new KpaConfig(
                window,
                panicWindowPercentage,
                panicThresholdPercentage,
                targetUtilisation,
                maxScaleUpRate,
                maxScaleDownRate,
                enableScaleToZero,
                tickInterval);
    }

    public KpaConfig withScaleToZero(boolean enabled) {
        return new KpaConfig(
                stableWindow,
                panicWindowPercentage,
                panicThresholdPercentage,
                targetUtilisation,
                maxScaleUpRate,
                maxScaleDownRate,
                enabled,
                tickInterval);
    }

    long panicWindowNanos() {
        return (long) (stableWindow.toNanos() * panicWindowPercentage / 100);
    }
}
