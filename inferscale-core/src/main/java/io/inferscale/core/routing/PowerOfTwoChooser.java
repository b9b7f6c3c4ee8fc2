package io.inferscale.core.routing;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Power of two choices (Mitzenmacher): sample two distinct replicas, take the one with fewer
 * requests in flight. Nearly as good as a full least-request scan and robust to stale load views,
 * which is why decentralised gateways (Envoy, Linkerd, Finagle) default to it.
 */
public final class PowerOfTwoChooser implements ReplicaChooser {
    @Override
    public ReplicaLoad choose(
            List<ReplicaLoad> ready, RoutingRequest request, RandomGenerator random) {
        int n = ready.size();
        if (n == 1) {
            return ready.get(0);
        }
        int a = random.nextInt(n);
        int b = random.nextInt(n - 1);
        if (b >= a) {
            b++;
        }
        ReplicaLoad ra = ready.get(a);
        ReplicaLoad rb = ready.get(b);
        return rb.inFlight() < ra.inFlight() ? rb : ra;
    }
}
