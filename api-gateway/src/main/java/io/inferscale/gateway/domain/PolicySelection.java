package io.inferscale.gateway.domain;

import io.inferscale.core.routing.ReplicaChooser;
import io.inferscale.core.routing.RoutingPolicies;
import io.inferscale.core.routing.learned.LearnedRouting;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which routing policy each model uses, changeable at runtime. Each model keeps its own chooser
 * instance (a chooser may hold state, like round robin's cursor) until its policy name changes.
 */
public final class PolicySelection {
    private final String defaultPolicy;
    private final LearnedRouting learned;
    private volatile Map<String, String> assigned = Map.of();
    private final Map<String, Selected> choosers = new ConcurrentHashMap<>();

    /**
     * @param learned where the {@code rl} policy finds the learned policies
     */
    public PolicySelection(String defaultPolicy, LearnedRouting learned) {
        RoutingPolicies.create(
                defaultPolicy, learned); // fail at startup on a typo, not on the first request
        this.defaultPolicy = defaultPolicy;
        this.learned = learned;
    }

    /**
     * Replaces all per-model assignments (as read from the database); unknown names fall back to
     * the default. They are checked here, once per refresh, so that {@link #policyOf} (twice per
     * request) is a plain map read.
     */
    public void assignAll(Map<String, String> byModel) {
        Map<String, String> known = new HashMap<>();
        byModel.forEach(
                (model, name) -> {
                    if (RoutingPolicies.names().contains(name)) {
                        known.put(model, name);
                    }
                });
        this.assigned = Map.copyOf(known);
    }

    public String policyOf(String model) {
        return assigned.getOrDefault(model, defaultPolicy);
    }

    public String defaultPolicy() {
        return defaultPolicy;
    }

    public Selected chooserFor(String model) {
        String name = policyOf(model);
        Selected current = choosers.get(model);
        if (current != null && current.policy().equals(name)) {
            return current; // the common case, without compute()'s lock on the map bin
        }
        return choosers.compute(
                model,
                (m, old) ->
                        old != null && old.policy().equals(name)
                                ? old
                                : new Selected(name, RoutingPolicies.create(name, learned)));
    }

    public record Selected(String policy, ReplicaChooser chooser) {}
}
