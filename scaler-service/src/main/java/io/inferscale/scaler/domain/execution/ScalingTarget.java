package io.inferscale.scaler.domain.execution;

/**
 * The provider resource that serves one model.
 *
 * @param provider {@code aws-asg}, {@code aws-ecs}, {@code gcp-mig}, {@code kubernetes} or {@code
 *     local}
 * @param target the resource in the provider's terms: an ASG name, {@code cluster/service}, {@code
 *     project/zone/mig}, {@code namespace/deployment} (or {@code namespace/statefulset/name}), or a
 *     local group name
 */
public record ScalingTarget(String model, String provider, String target) {
    public ScalingTarget {
        requireText(model, "model");
        requireText(provider, "provider");
        requireText(target, "target");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return provider + ":" + target + " (model " + model + ")";
    }
}
