package io.inferscale.core.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an {@link OutlierPolicy} to a model's replicas. Pure and clock-free: the gateway passes
 * {@code System.nanoTime()}, the simulator its virtual time. Decisions are local to one gateway
 * instance, like Envoy's, so a replica that fails only for one gateway is ejected only there.
 */
public final class OutlierDetector {
    private final OutlierPolicy policy;

    public OutlierDetector(OutlierPolicy policy) {
        this.policy = policy;
    }

    /**
     * Call after {@link ReplicaLoad#onComplete}. Ejects {@code replica} when its failure streak
     * reached the threshold and the model's ejection budget allows it.
     *
     * @param all every replica of the model that could be routable (ready, not draining)
     * @return true when this call ejected the replica
     */
    public synchronized boolean afterCompletion(
            ReplicaLoad replica, List<ReplicaLoad> all, long nowNanos) {
        if (replica.consecutiveFailures() < policy.consecutive5xx()
                || replica.ejectedAt(nowNanos)) {
            return false;
        }
        int ejected = 0;
        for (ReplicaLoad r : all) {
            if (r != replica && r.ejectedAt(nowNanos)) {
                ejected++;
            }
        }
        int budget = Math.max(1, all.size() * policy.maxEjectionPercent() / 100);
        if (ejected >= budget) {
            return false;
        }
        long base = policy.baseEjectionTime().toNanos();
        long duration =
                Math.min(base * (replica.ejections() + 1L), policy.maxEjectionTime().toNanos());
        replica.eject(nowNanos + duration);
        return true;
    }

    /** The replicas that may take requests now; expired ejections are lifted on the way. */
    public List<ReplicaLoad> routable(List<ReplicaLoad> ready, long nowNanos) {
        List<ReplicaLoad> out = null;
        for (int i = 0; i < ready.size(); i++) {
            ReplicaLoad r = ready.get(i);
            long until = r.ejectedUntilNanos();
            if (until != 0 && nowNanos >= until) {
                r.readmit();
            } else if (until != 0) {
                if (out == null) {
                    out = new ArrayList<>(ready.subList(0, i));
                }
                continue;
            }
            if (out != null) {
                out.add(r);
            }
        }
        return out == null ? ready : out;
    }

    public OutlierPolicy policy() {
        return policy;
    }
}
