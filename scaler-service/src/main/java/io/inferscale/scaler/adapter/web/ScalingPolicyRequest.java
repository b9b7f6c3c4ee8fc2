package io.inferscale.scaler.adapter.web;

import io.inferscale.contracts.ScalingMode;
import io.inferscale.core.scaling.ScalingPolicy;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * The body of {@code PUT /api/v1/scaling/policies/{model}}. Field-level rules here give per-field
 * 400s; the cross-field rules (min <= max) live in {@link ScalingPolicy} itself.
 */
public record ScalingPolicyRequest(
        @NotNull @Min(0) Integer minReplicas,
        @NotNull @Min(1) Integer maxReplicas,
        @NotNull @Positive Double targetConcurrencyPerReplica,
        @Positive Double targetTokensPerSecondPerReplica,
        @Positive Integer sloTtftMs,
        @Positive Integer sloLatencyMs,
        @NotNull Duration provisioningLeadTime,
        Duration scaleUpStabilisation,
        Duration scaleDownStabilisation,
        @Min(1) Integer maxStep,
        @NotNull ScalingMode mode,
        @NotBlank String provider,
        @NotBlank String target) {

    /** Defaults follow Kubernetes HPA: no scale-up stabilisation, 5 minutes for scale-down. */
    ScalingPolicy toPolicy(String model) {
        return new ScalingPolicy(
                model,
                minReplicas,
                maxReplicas,
                targetConcurrencyPerReplica,
                targetTokensPerSecondPerReplica,
                sloTtftMs,
                sloLatencyMs,
                provisioningLeadTime,
                scaleUpStabilisation != null ? scaleUpStabilisation : Duration.ZERO,
                scaleDownStabilisation != null ? scaleDownStabilisation : Duration.ofMinutes(5),
                maxStep != null ? maxStep : 4,
                mode,
                provider,
                target);
    }
}
