package io.inferscale.core.routing;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks the replica for one request (STYLE.md §4: a one-method plug point). The gateway adapts it
 * to Spring Cloud LoadBalancer; the fleet simulator calls it directly, so benchmarks measure
 * exactly the production choice.
 */
@FunctionalInterface
public interface ReplicaChooser {
    /**
     * @param ready the replicas that may take new requests (ready, not draining, not ejected);
     *     never empty
     * @param random the caller's random source, seeded in the simulator for determinism
     * @return one element of {@code ready}
     */
    ReplicaLoad choose(List<ReplicaLoad> ready, RoutingRequest request, RandomGenerator random);
}
