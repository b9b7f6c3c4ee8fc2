package io.inferscale.core.routing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/** Classic round robin: the baseline every other policy must beat. */
public final class RoundRobinChooser implements ReplicaChooser {
    private final AtomicLong next = new AtomicLong();

    @Override
    public ReplicaLoad choose(
            List<ReplicaLoad> ready, RoutingRequest request, RandomGenerator random) {
        return ready.get((int) Math.floorMod(next.getAndIncrement(), (long) ready.size()));
    }
}
