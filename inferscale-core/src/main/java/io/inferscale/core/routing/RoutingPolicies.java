package io.inferscale.core.routing;

import io.inferscale.core.routing.learned.LearnedChooser;
import io.inferscale.core.routing.learned.LearnedRouting;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

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

    /** The learned policy, routing by the model's policy from {@code routing.policies}. */
    public static final String LEARNED = "rl";

    /** What {@code rl} routes by until a policy arrives, or once it has expired. */
    public static final String LEARNED_FALLBACK = "p2c";

    private RoutingPolicies() {}

    /** A heuristic policy; {@code rl} needs {@link #create(String, LearnedRouting)}. */
    public static ReplicaChooser create(String name) {
        return create(name, null);
    }

    /**
     * @param learned where {@code rl} finds its policies; may be null where {@code rl} is not
     *     offered
     */
    public static ReplicaChooser create(String name, LearnedRouting learned) {
        if (LEARNED.equals(name)) {
            if (learned == null) {
                throw new IllegalArgumentException(
                        "routing policy 'rl' needs learned policies, and none are available here");
            }
            return new LearnedChooser(
                    learned.source(),
                    create(LEARNED_FALLBACK),
                    learned.clock(),
                    learned.listener());
        }
        Supplier<ReplicaChooser> factory = POLICIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unknown routing policy '" + name + "'; known: " + names());
        }
        return factory.get();
    }

    /** Every policy name, {@code rl} included. */
    public static List<String> names() {
        return Stream.concat(POLICIES.keySet().stream(), Stream.of(LEARNED)).sorted().toList();
    }

    /** The policies that need nothing but the load state (what the simulator can run alone). */
    public static List<String> heuristicNames() {
        return POLICIES.keySet().stream().sorted().toList();
    }
}
