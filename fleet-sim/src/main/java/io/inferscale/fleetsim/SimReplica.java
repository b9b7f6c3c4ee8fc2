package io.inferscale.fleetsim;

import io.inferscale.core.replica.ReplicaModel;
import io.inferscale.core.routing.ReplicaLoad;

/**
 * One replica in the simulated fleet: the shared replica model (what the replica does) and the
 * gateway's {@link ReplicaLoad} for it (what the gateway knows), plus its place in the lifecycle.
 */
final class SimReplica {

    /** Lifecycle: provisioned replicas are STARTING, READY or DRAINING; GONE ones are not. */
    enum State {
        STARTING,
        READY,
        DRAINING,
        GONE
    }

    final int ordinal;
    final ReplicaModel model;
    final ReplicaLoad load;
    State state;

    /** When it was asked for (STARTING) and when it became ready; for tests and reports. */
    final long requestedAtNanos;

    long readyAtNanos = -1;

    /** Kept by {@link ReplicaHeap}. */
    long nextEventNanos;

    int heapIndex = -1;

    /** Position in the fleet's ready list, -1 when not in it. */
    int readyIndex = -1;

    SimReplica(int ordinal, ReplicaModel model, long requestedAtNanos) {
        this.ordinal = ordinal;
        this.model = model;
        this.load = new ReplicaLoad("replica-" + ordinal, "sim://replica-" + ordinal);
        this.requestedAtNanos = requestedAtNanos;
        this.state = State.STARTING;
    }

    @Override
    public String toString() {
        return load.replicaId() + "{" + state + ", inFlight=" + load.inFlight() + "}";
    }
}
