package io.inferscale.core.routing;

import java.util.List;
import java.util.random.RandomGenerator;

/** Uniformly random: what a stateless L4 balancer does. */
public final class RandomChooser implements ReplicaChooser {
    @Override
    public ReplicaLoad choose(
            List<ReplicaLoad> ready, RoutingRequest request, RandomGenerator random) {
        return ready.get(random.nextInt(ready.size()));
    }
}
