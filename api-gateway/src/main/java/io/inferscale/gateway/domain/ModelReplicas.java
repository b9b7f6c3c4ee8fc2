package io.inferscale.gateway.domain;

import io.inferscale.core.routing.ReplicaLoad;
import java.util.List;

/**
 * The replicas of one model a gateway may route to right now, with their shared load state.
 * Immutable: the registry swaps the whole value on a fleet change, so a request never sees a
 * half-updated list.
 *
 * @param routable ready, not draining; the chooser picks among these
 * @param all every known replica including draining/starting ones (for the API)
 */
public record ModelReplicas(String model, List<ReplicaLoad> routable, List<KnownReplica> all) {
    public ModelReplicas {
        routable = List.copyOf(routable);
        all = List.copyOf(all);
    }

    /**
     * A replica as the registry knows it; {@code source} is {@code static} or the provider from
     * fleet.state.
     */
    public record KnownReplica(
            String replicaId, String address, String status, String source, ReplicaLoad load) {}
}
