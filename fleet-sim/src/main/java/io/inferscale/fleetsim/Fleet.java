package io.inferscale.fleetsim;

import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.core.replica.ReplicaModel;
import io.inferscale.core.routing.ReplicaLoad;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The replicas of one simulated model and their lifecycle: STARTING (cold start, paid for but not
 * serving) -> READY (the gateway routes to it) -> DRAINING (scaled in: no new requests, finishes
 * the ones it has) -> GONE. Keeps the list the gateway's chooser sees and the integral of
 * provisioned replicas over time.
 */
final class Fleet {

    private final ReplicaConfig config;
    private final long seed;
    private final ReplicaHeap heap;

    /** What the chooser sees, and the same replicas in the same order. */
    private final ArrayList<ReplicaLoad> readyLoads = new ArrayList<>();

    private final ArrayList<SimReplica> ready = new ArrayList<>();
    private final HashMap<ReplicaLoad, SimReplica> byLoad = new HashMap<>();
    private final ArrayList<SimReplica> starting = new ArrayList<>();
    private int draining;
    private int nextOrdinal;

    private long replicaNanos;
    private long accruedTo = Long.MIN_VALUE;

    private final List<SimReplica> all = new ArrayList<>();

    Fleet(ReplicaConfig config, long seed, ReplicaHeap heap) {
        this.config = config;
        this.seed = seed;
        this.heap = heap;
    }

    /** A new replica, paid for from now, serving once {@link #markReady}. */
    SimReplica provision(double speed, long now) {
        accrue(now);
        int ordinal = nextOrdinal++;
        SimReplica r =
                new SimReplica(ordinal, new ReplicaModel(config, speed, replicaSeed(ordinal)), now);
        starting.add(r);
        all.add(r);
        return r;
    }

    void markReady(SimReplica r, long now) {
        if (r.state != SimReplica.State.STARTING) {
            return; // cancelled while starting
        }
        starting.remove(r);
        r.state = SimReplica.State.READY;
        r.readyAtNanos = now;
        r.readyIndex = ready.size();
        ready.add(r);
        readyLoads.add(r.load);
        byLoad.put(r.load, r);
        heap.add(r);
    }

    /**
     * Moves the non-draining count (ready + starting) to {@code desired}: adds STARTING replicas
     * (returned, for the caller to time their cold start), or removes replicas, cheapest first:
     * ones still starting (newest first), then ready ones with the fewest requests in flight (ties:
     * newest first), which drain.
     */
    List<SimReplica> resize(int desired, double newSpeed, long now) {
        List<SimReplica> added = new ArrayList<>();
        while (active() < desired) {
            added.add(provision(newSpeed, now));
        }
        while (active() > desired && !starting.isEmpty()) {
            accrue(now);
            SimReplica r = starting.remove(starting.size() - 1);
            r.state = SimReplica.State.GONE;
        }
        while (active() > desired) {
            drain(leastLoadedNewest(), now);
        }
        return added;
    }

    private SimReplica leastLoadedNewest() {
        SimReplica best = null;
        for (SimReplica r : ready) {
            if (best == null
                    || r.load.inFlight() < best.load.inFlight()
                    || (r.load.inFlight() == best.load.inFlight() && r.ordinal > best.ordinal)) {
                best = r;
            }
        }
        return best;
    }

    private void drain(SimReplica r, long now) {
        ready.remove(r.readyIndex);
        readyLoads.remove(r.readyIndex);
        byLoad.remove(r.load);
        for (int i = r.readyIndex; i < ready.size(); i++) {
            ready.get(i).readyIndex = i;
        }
        r.readyIndex = -1;
        r.state = SimReplica.State.DRAINING;
        draining++;
        retireIfIdle(r, now);
    }

    /** A draining replica leaves once its last request is done. */
    void retireIfIdle(SimReplica r, long now) {
        if (r.state == SimReplica.State.DRAINING && r.load.inFlight() == 0) {
            accrue(now);
            draining--;
            r.state = SimReplica.State.GONE;
            heap.remove(r);
        }
    }

    /** The replicas the gateway may route to, as the chooser sees them. Do not modify. */
    List<ReplicaLoad> readyLoads() {
        return readyLoads;
    }

    List<SimReplica> ready() {
        return ready;
    }

    SimReplica replicaOf(ReplicaLoad load) {
        SimReplica r = byLoad.get(load);
        if (r == null) {
            throw new IllegalStateException(
                    "the chooser returned a replica not in the ready list: " + load);
        }
        return r;
    }

    /** Ready plus starting: what the autoscaler counts as the current size. */
    int active() {
        return ready.size() + starting.size();
    }

    int provisioned() {
        return ready.size() + starting.size() + draining;
    }

    /** Every replica ever provisioned, in order. */
    List<SimReplica> all() {
        return all;
    }

    /** Integrates the provisioned count up to {@code now}. */
    void accrue(long now) {
        if (accruedTo != Long.MIN_VALUE && now > accruedTo) {
            replicaNanos += (now - accruedTo) * (long) provisioned();
        }
        accruedTo = Math.max(accruedTo, now);
    }

    double replicaSeconds(long end) {
        accrue(end);
        return replicaNanos / 1e9;
    }

    /** Over every replica ever provisioned: a retired replica's counters stay readable. */
    long prefixBlocksRequested() {
        long sum = 0;
        for (SimReplica r : all) {
            sum += r.model.prefixBlocksRequested();
        }
        return sum;
    }

    long prefixBlocksHit() {
        long sum = 0;
        for (SimReplica r : all) {
            sum += r.model.prefixBlocksHit();
        }
        return sum;
    }

    private long replicaSeed(int ordinal) {
        return SeedMix.mix(seed, ordinal);
    }
}
