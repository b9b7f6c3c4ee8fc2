package io.inferscale.core.scaling;

import io.inferscale.contracts.ScalingReason;

/**
 * What an autoscaler wants, and why.
 *
 * @param desiredReplicas the replica count to apply
 * @param reason which rule decided it, for the audit log and the benchmark's breakdown
 * @param explanation the numbers behind it, for humans
 */
public record ScaleDecision(int desiredReplicas, ScalingReason reason, String explanation) {
    public ScaleDecision {
        if (desiredReplicas < 0) {
            throw new IllegalArgumentException("desiredReplicas: must be >= 0");
        }
        if (reason == null) {
            throw new IllegalArgumentException("reason: is required");
        }
        if (explanation == null) {
            throw new IllegalArgumentException("explanation: is required");
        }
    }

    /** Two decimals, for explanations. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
