package io.inferscale.contracts;

/**
 * Lifecycle of a replica as its provider reports it. Only {@code READY} replicas receive new
 * requests.
 */
public enum ReplicaStatus {
    STARTING,
    READY,
    DRAINING,
    FAILED
}
