package io.inferscale.core.scaling.hybrid;

/**
 * The model's replicas as the provider reports them.
 *
 * @param currentReplicas replicas asked for so far, including those still starting
 * @param readyReplicas replicas serving traffic now; more than {@code currentReplicas} (replicas
 *     still draining) is read as {@code currentReplicas}
 */
public record FleetView(int currentReplicas, int readyReplicas) {
    public FleetView {
        if (currentReplicas < 0 || readyReplicas < 0) {
            throw new IllegalArgumentException("replica counts must be >= 0");
        }
    }
}
