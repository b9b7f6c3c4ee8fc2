package io.inferscale.core.routing;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The routing policies by the names users select them with (gateway configuration, admin API,
 * benchmark {@code --lb}). A chooser may keep state (round robin's cursor), so each model gets its
 * own instance.
 */
public final class RoutingPolicies {
    private static final Map<String, Supplier<ReplicaChooser>> POLICIES =
            Map.of(
                    "rr", RoundRobinChooser::new,
                    "random", RandomChooser::new,
                    "least-request", LeastRequestChooser::new,
                    "p2c", PowerOfTwoChooser::new,
                    "peak-ewma", PeakEwmaChooser::new,
                    "prefix-aware", PrefixAwareChooser::new);

    private RoutingPolicies() {}

    public static ReplicaChooser create(String name) {
        Supplier<ReplicaChooser> factory = POLICIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unknown routing policy '" + name + "'; known: " + names());
        }
        return factory.get();
    }

    public static List<String> names() {
        return POLICIES.keySet().stream().sorted().toList();
    }
}
