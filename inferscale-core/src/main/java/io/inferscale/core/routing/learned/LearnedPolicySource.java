package io.inferscale.core.routing.learned;

/**
 * Where a learned chooser finds the current policy of a model: in the gateway, the policies read
 * from {@code routing.policies}; in the simulator, the candidate being evaluated.
 */
@FunctionalInterface
public interface LearnedPolicySource {
    /** The newest usable policy for the model, or null when there is none. */
    LearnedPolicy current(String model);
}
