package io.inferscale.core.scaling;

/**
 * The HPA's replica count for one pods metric with an AverageValue target: kubernetes {@code
 * pkg/controller/podautoscaler/replica_calculator.go}, {@code calcPlainMetricReplicas}.
 *
 * <p>Replicas that are not ready are what the HPA calls unready (Pending) pods: they report no
 * metric, are left out of the average, and on a scale-up are then counted as carrying zero, so
 * capacity that is already starting is not asked for twice. Missing-metric pods do not arise here:
 * every ready replica reports.
 *
 * <p>Public because the hybrid decider's reactive term is this same calculation.
 */
public final class HpaReplicaCalculator {
    private HpaReplicaCalculator() {}

    /**
     * @param averagePerReady the metric averaged over the ready replicas
     * @param readyReplicas replicas reporting the metric, {@code 1..currentReplicas}
     * @return the recommendation before stabilisation, rate limits and bounds
     */
    public static int desiredReplicas(
            double averagePerReady,
            double target,
            double tolerance,
            int currentReplicas,
            int readyReplicas) {
        double usageRatio = averagePerReady / target;
        boolean scaleUpWithUnready = readyReplicas < currentReplicas && usageRatio > 1.0;
        if (!scaleUpWithUnready) {
            if (Math.abs(1.0 - usageRatio) <= tolerance) {
                return currentReplicas; // the change would be too small
            }
            return saturatedCeil(usageRatio * readyReplicas);
        }
        // Re-run with the unready replicas counted as carrying nothing.
        double newUsageRatio = averagePerReady * readyReplicas / (target * currentReplicas);
        if (Math.abs(1.0 - newUsageRatio) <= tolerance
                || (usageRatio < 1.0 && newUsageRatio > 1.0)
                || (usageRatio > 1.0 && newUsageRatio < 1.0)) {
            // Too small a change, or counting the starting replicas reversed the direction.
            return currentReplicas;
        }
        int newReplicas = saturatedCeil(newUsageRatio * currentReplicas);
        if ((newUsageRatio < 1.0 && newReplicas > currentReplicas)
                || (newUsageRatio > 1.0 && newReplicas < currentReplicas)) {
            return currentReplicas;
        }
        return newReplicas;
    }

    private static int saturatedCeil(double replicas) {
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(replicas));
    }
}
