package io.inferscale.core.scaling;

import io.inferscale.contracts.ScalingMode;
import java.time.Duration;

/**
 * How one served model is scaled. Validated on construction, so a policy that exists is one the
 * decider can apply.
 *
 * @param targetConcurrencyPerReplica requests in flight one replica should carry at steady state
 * @param targetTokensPerSecondPerReplica for LLM models: output tokens/s one replica sustains
 *     within the SLO; null to scale on concurrency alone
 * @param provisioningLeadTime how long a new replica takes to become ready (cold start); the
 *     forecast is read this far ahead
 * @param maxStep the most replicas added or removed in one interval
 * @param provider which executor applies it ({@code aws-asg}, {@code aws-ecs}, {@code gcp-mig},
 *     {@code kubernetes}, {@code local})
 * @param target the provider's resource: ASG name, {@code cluster/service}, {@code
 *     project/zone/mig}, {@code namespace/deployment}, or the local group name
 */
public record ScalingPolicy(
        String model,
        int minReplicas,
        int maxReplicas,
        double targetConcurrencyPerReplica,
        Double targetTokensPerSecondPerReplica,
        Integer sloTtftMs,
        Integer sloLatencyMs,
        Duration provisioningLeadTime,
        Duration scaleUpStabilisation,
        Duration scaleDownStabilisation,
        int maxStep,
        ScalingMode mode,
        String provider,
        String target) {

    public ScalingPolicy {
        require(model != null && !model.isBlank(), "model: must not be blank");
        require(minReplicas >= 0, "minReplicas: must be >= 0 (0 allows scale to zero)");
        require(maxReplicas >= 1, "maxReplicas: must be >= 1");
        require(minReplicas <= maxReplicas, "minReplicas: must be <= maxReplicas");
        require(targetConcurrencyPerReplica > 0, "targetConcurrencyPerReplica: must be > 0");
        require(
                targetTokensPerSecondPerReplica == null || targetTokensPerSecondPerReplica > 0,
                "targetTokensPerSecondPerReplica: must be > 0 when set");
        require(sloTtftMs == null || sloTtftMs > 0, "sloTtftMs: must be > 0 when set");
        require(sloLatencyMs == null || sloLatencyMs > 0, "sloLatencyMs: must be > 0 when set");
        requireNonNegative(provisioningLeadTime, "provisioningLeadTime");
        requireNonNegative(scaleUpStabilisation, "scaleUpStabilisation");
        requireNonNegative(scaleDownStabilisation, "scaleDownStabilisation");
        require(maxStep >= 1, "maxStep: must be >= 1");
        require(mode != null, "mode: is required");
        require(provider != null && !provider.isBlank(), "provider: must not be blank");
        require(target != null && !target.isBlank(), "target: must not be blank");
    }

    public int clamp(int replicas) {
        return Math.max(minReplicas, Math.min(maxReplicas, replicas));
    }

    private static void requireNonNegative(Duration d, String field) {
        require(d != null && !d.isNegative(), field + ": must be a non-negative duration");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
