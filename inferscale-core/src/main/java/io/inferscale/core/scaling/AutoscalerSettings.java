package io.inferscale.core.scaling;

import static io.inferscale.core.scaling.ConfigChecks.require;

/**
 * Everything {@link Autoscalers#create} needs: the bounds and target shared by all baselines, and
 * each algorithm's own knobs (defaults from upstream, see {@link HpaConfig} and {@link KpaConfig}).
 *
 * @param minReplicas lower bound; 0 allows KPA to scale to zero (HPA floors it at 1)
 * @param maxReplicas upper bound, >= 1
 * @param targetConcurrencyPerReplica requests in flight one replica should carry: HPA's
 *     AverageValue target, KPA's per-pod target before its utilisation factor
 */
public record AutoscalerSettings(
        int minReplicas,
        int maxReplicas,
        double targetConcurrencyPerReplica,
        HpaConfig hpa,
        KpaConfig kpa) {

    public AutoscalerSettings {
        require(minReplicas >= 0, "minReplicas: must be >= 0 (0 allows scale to zero)");
        require(maxReplicas >= 1, "maxReplicas: must be >= 1");
        require(minReplicas <= maxReplicas, "minReplicas: must be <= maxReplicas");
        require(
                targetConcurrencyPerReplica > 0 && Double.isFinite(targetConcurrencyPerReplica),
                "targetConcurrencyPerReplica: must be finite and > 0");
        require(hpa != null, "hpa: is required (HpaConfig.defaults())");
        require(kpa != null, "kpa: is required (KpaConfig.defaults())");
    }

    /** Bounds and target with upstream defaults for everything else. */
    public static AutoscalerSettings of(int minReplicas, int maxReplicas, double target) {
        return new AutoscalerSettings(
                minReplicas, maxReplicas, target, HpaConfig.defaults(), KpaConfig.defaults());
    }

    /** The baselines configured like a model's scaling policy, so comparisons are like for like. */
    public static AutoscalerSettings forPolicy(ScalingPolicy policy) {
        return of(policy.minReplicas(), policy.maxReplicas(), policy.targetConcurrencyPerReplica());
    }

    public AutoscalerSettings withHpa(HpaConfig config) {
        return new AutoscalerSettings(
                minReplicas, maxReplicas, targetConcurrencyPerReplica, config, kpa);
    }

    public AutoscalerSettings withKpa(KpaConfig config) {
        return new AutoscalerSettings(
                minReplicas, maxReplicas, targetConcurrencyPerReplica, hpa, config);
    }

    int clamp(int replicas) {
        return Math.max(minReplicas, Math.min(maxReplicas, replicas));
    }
}
