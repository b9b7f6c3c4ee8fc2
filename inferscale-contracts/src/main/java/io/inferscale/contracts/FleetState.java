package io.inferscale.contracts;

import java.util.List;

/**
 * The replicas of one model as its provider reports them (compacted topic {@code fleet.state}: the
 * latest record per model is the truth). Gateways route to its READY replicas; the collector
 * scrapes them.
 */
public record FleetState(
        EventMeta meta,
        String model,
        String provider,
        String target,
        int desiredReplicas,
        List<ReplicaInfo> replicas)
        implements InferScaleEvent {

    public static final int SCHEMA_VERSION = 1;

    public FleetState {
        Validate.notNull(meta, "meta");
        Validate.model(model);
        Validate.notBlank(provider, "provider");
        Validate.notBlank(target, "target");
        Validate.nonNegative(desiredReplicas, "desiredReplicas");
        Validate.notNull(replicas, "replicas");
        replicas = List.copyOf(replicas);
        long distinct = replicas.stream().map(ReplicaInfo::replicaId).distinct().count();
        if (distinct != replicas.size()) {
            throw new InvalidEventException("replicas[].replicaId must be unique");
        }
    }

    public List<ReplicaInfo> ready() {
        return replicas.stream().filter(r -> r.status() == ReplicaStatus.READY).toList();
    }
}
