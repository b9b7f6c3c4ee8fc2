package io.inferscale.core.scaling;

import static io.inferscale.core.scaling.ConfigChecks.require;
import static io.inferscale.core.scaling.ConfigChecks.requireBetween;
import static io.inferscale.core.scaling.ConfigChecks.requirePositive;

import java.time.Duration;

/**
 * Kubernetes HorizontalPodAutoscaler (autoscaling/v2) knobs, defaulted as upstream does.
 *
 * @param syncPeriod how often the controller reconciles: kube-controller-manager {@code
 *     --horizontal-pod-autoscaler-sync-period}, default 15 s
 * @param tolerance skip scaling while {@code |usage/target - 1| <= tolerance}: {@code
 *     --horizontal-pod-autoscaler-tolerance}, default 0.1
 * @param metricWindow how far back the per-replica concurrency is averaged, default 15 s (one sync
 *     period). The real HPA reads the metrics API's current value, which metrics-server or a
 *     Prometheus adapter has itself averaged over roughly 15-60 s; one sync period is the shortest
 *     such window and makes each decision see only samples it has not seen before.
 * @param scaleUp {@code spec.behavior.scaleUp}
 * @param scaleDown {@code spec.behavior.scaleDown}
 */
public record HpaConfig(
        Duration syncPeriod,
        double tolerance,
        Duration metricWindow,
        HpaScalingRules scaleUp,
        HpaScalingRules scaleDown) {

    public HpaConfig {
        requirePositive(syncPeriod, "syncPeriod");
        require(tolerance >= 0 && tolerance < 1, "tolerance: must be in [0, 1)");
        requireBetween(metricWindow, Duration.ofSeconds(1), Duration.ofHours(1), "metricWindow");
        require(scaleUp != null, "scaleUp: is required");
        require(scaleDown != null, "scaleDown: is required");
    }

    public static HpaConfig defaults() {
        return new HpaConfig(
                Duration.ofSeconds(15),
                0.1,
                Duration.ofSeconds(15),
                HpaScalingRules.defaultScaleUp(),
                HpaScalingRules.defaultScaleDown());
    }

    public HpaConfig withScaleUp(HpaScalingRules rules) {
        return new HpaConfig(syncPeriod, tolerance, metricWindow, rules, scaleDown);
    }

    public HpaConfig withScaleDown(HpaScalingRules rules) {
        return new HpaConfig(syncPeriod, tolerance, metricWindow, scaleUp, rules);
    }
}
