package io.inferscale.core.routing;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Fewest requests in flight (nginx least_conn, Envoy LEAST_REQUEST with full scan). Ties are broken
 * at random so that an idle fleet does not pile onto the first replica in the list.
 */
public final class LeastRequestChooser implements ReplicaChooser {
    @Override
    public ReplicaLoad choose(
            List<ReplicaLoad> ready, RoutingRequest request, RandomGenerator random) {
        ReplicaLoad best = null;
        int ties = 0;
        for (ReplicaLoad r : ready) {
            int load = r.inFlight();
            if (best == null || load < best.inFlight()) {
                best = r;
                ties = 1;
            } else if (load == best.inFlight() && random.nextInt(++ties) == 0) {
                best = r; // reservoir sampling keeps each tied replica equally likely
            }
        }
        return best;
    }
}
