package io.inferscale.gateway.domain;

import io.inferscale.contracts.RoutingPolicy;
import io.inferscale.core.routing.learned.LearnedPolicy;
import io.inferscale.core.routing.learned.LearnedPolicySource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learned routing policies this gateway evaluates, one per model, as read from {@code
 * routing.policies}. Only a newer version replaces the current one (the topic is compacted, but a
 * replay or a late duplicate must not roll a model back), and a policy this build cannot evaluate
 * (an unknown feature, a malformed network) is refused with its reason while the previous one, if
 * any, keeps serving.
 */
public final class LearnedPolicyRegistry implements LearnedPolicySource {
    private final Map<String, LearnedPolicy> byModel = new ConcurrentHashMap<>();
    private final Map<String, String> lastRejection = new ConcurrentHashMap<>();

    /** What {@link #apply} did with a record. */
    public enum Outcome {
        INSTALLED,
        REMOVED,
        IGNORED_NOT_NEWER,
        REJECTED
    }

    /**
     * @param policy null for a tombstone: the model's policy was withdrawn
     */
    public Outcome apply(String model, RoutingPolicy policy) {
        if (policy == null) {
            return byModel.remove(model) != null ? Outcome.REMOVED : Outcome.IGNORED_NOT_NEWER;
        }
        LearnedPolicy current = byModel.get(policy.model());
        if (current != null && current.version() >= policy.version()) {
            return Outcome.IGNORED_NOT_NEWER;
        }
        try {
            byModel.put(
                    policy.model(),
                    LearnedPolicy.of(
                            policy.model(),
                            policy.version(),
                            policy.algorithm(),
                            policy.expiresAt(),
                            policy.features(),
                            policy.layerSizes(),
                            policy.weights(),
                            policy.fallback()));
            lastRejection.remove(policy.model());
            return Outcome.INSTALLED;
        } catch (IllegalArgumentException e) {
            lastRejection.put(
                    policy.model(), "version " + policy.version() + ": " + e.getMessage());
            return Outcome.REJECTED;
        }
    }

    @Override
    public LearnedPolicy current(String model) {
        return byModel.get(model);
    }

    /** Why the newest policy published for the model was refused, if it was. */
    public Optional<String> rejection(String model) {
        return Optional.ofNullable(lastRejection.get(model));
    }
}
