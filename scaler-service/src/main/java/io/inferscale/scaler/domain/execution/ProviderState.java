package io.inferscale.scaler.domain.execution;

import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaStatus;
import java.time.Instant;
import java.util.List;

/**
 * What a provider reports for one target.
 *
 * @param desiredReplicas the count the provider is converging to (ASG desired capacity, ECS
 *     desiredCount, MIG targetSize, spec.replicas, local processes asked for)
 * @param currentReplicas replicas that exist, ready or not
 * @param readyReplicas replicas that can serve
 * @param replicas the replicas with their addresses, where the provider knows them (local and
 *     Kubernetes); empty for providers that only report counts
 * @param observedAt when the provider was read
 */
public record ProviderState(
        ScalingTarget target,
        int desiredReplicas,
        int currentReplicas,
        int readyReplicas,
        List<ReplicaInfo> replicas,
        Instant observedAt) {

    public ProviderState {
        if (target == null || observedAt == null) {
            throw new IllegalArgumentException("target and observedAt are required");
        }
        if (desiredReplicas < 0 || currentReplicas < 0 || readyReplicas < 0) {
            throw new IllegalArgumentException(
                    "replica counts must be >= 0, were desired="
                            + desiredReplicas
                            + " current="
                            + currentReplicas
                            + " ready="
                            + readyReplicas);
        }
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
    }

    /** The replicas that may receive requests, with their addresses. */
    public List<ReplicaInfo> readyEndpoints() {
        return replicas.stream().filter(r -> r.status() == ReplicaStatus.READY).toList();
    }
}
