package io.inferscale.gateway.domain;

import io.inferscale.contracts.FleetState;
import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaStatus;
import io.inferscale.core.routing.ReplicaLoad;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which replicas serve which model: static replicas from configuration (fleets InferScale does not
 * manage) merged with the latest {@code fleet.state} per model. A replica keeps its {@link
 * ReplicaLoad} across updates, so in-flight counts and latency history survive a fleet change; a
 * replica that disappears takes its load state with it.
 */
public final class FleetRegistry {
    private final Map<String, List<StaticReplica>> staticReplicas;
    private final Map<String, FleetState> dynamic = new ConcurrentHashMap<>();
    private final Map<String, ModelReplicas> current = new ConcurrentHashMap<>();
    private final Map<String, ReplicaLoad> loads = new ConcurrentHashMap<>();

    public FleetRegistry(List<StaticReplica> staticReplicas) {
        Map<String, List<StaticReplica>> byModel = new HashMap<>();
        for (StaticReplica r : staticReplicas) {
            byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r);
        }
        this.staticReplicas = Map.copyOf(byModel);
        this.staticReplicas.keySet().forEach(this::rebuild);
    }

    /**
     * Applies a fleet.state record; a null state (tombstone) forgets the model's managed replicas.
     */
    public void apply(String model, FleetState state) {
        if (state == null) {
            dynamic.remove(model);
        } else {
            dynamic.put(model, state);
        }
        rebuild(model);
    }

    public Optional<ModelReplicas> replicas(String model) {
        return Optional.ofNullable(current.get(model));
    }

    public Set<String> models() {
        return new TreeSet<>(current.keySet());
    }

    private synchronized void rebuild(String model) {
        List<ReplicaLoad> routable = new ArrayList<>();
        List<ModelReplicas.KnownReplica> all = new ArrayList<>();
        for (StaticReplica r : staticReplicas.getOrDefault(model, List.of())) {
            ReplicaLoad load = load(r.replicaId(), r.address());
            routable.add(load);
            all.add(
                    new ModelReplicas.KnownReplica(
                            r.replicaId(), r.address(), "READY", "static", load));
        }
        FleetState state = dynamic.get(model);
        if (state != null) {
            for (ReplicaInfo r : state.replicas()) {
                ReplicaLoad load = load(r.replicaId(), r.address());
                if (r.status() == ReplicaStatus.READY) {
                    routable.add(load);
                }
                all.add(
                        new ModelReplicas.KnownReplica(
                                r.replicaId(),
                                r.address(),
                                r.status().name(),
                                state.provider(),
                                load));
            }
        }
        if (all.isEmpty()) {
            current.remove(model);
        } else {
            current.put(model, new ModelReplicas(model, routable, all));
        }
        Set<String> live = new TreeSet<>();
        current.values()
                .forEach(m -> m.all().forEach(k -> live.add(key(k.replicaId(), k.address()))));
        loads.keySet().retainAll(live);
    }

    /**
     * Keyed by id and address: a replica restarted elsewhere under the same id starts with a clean
     * history.
     */
    private ReplicaLoad load(String replicaId, String address) {
        return loads.computeIfAbsent(
                key(replicaId, address), k -> new ReplicaLoad(replicaId, address));
    }

    private static String key(String replicaId, String address) {
        return replicaId + "@" + address;
    }
}
