package io.inferscale.contracts;

/**
 * One attempt to apply a decision through a provider (topic {@code scaling.actions}). Actions set
 * absolute counts, never deltas, so retrying an attempt is idempotent.
 *
 * @param decisionEventId {@code meta.eventId} of the decision this applies
 * @param provider e.g. {@code aws-asg}, {@code aws-ecs}, {@code gcp-mig}, {@code kubernetes},
 *     {@code local}
 * @param target the provider's resource, e.g. an ASG name or {@code namespace/deployment}
 */
public record ScalingAction(
        EventMeta meta,
        String model,
        String decisionEventId,
        String provider,
        String target,
        int desiredReplicas,
        int attempt,
        ActionOutcome outcome,
        String error,
        long durationMs)
        implements InferScaleEvent {

    public static final int SCHEMA_VERSION = 1;

    public ScalingAction {
        Validate.notNull(meta, "meta");
        Validate.model(model);
        Validate.notBlank(decisionEventId, "decisionEventId");
        Validate.notBlank(provider, "provider");
        Validate.notBlank(target, "target");
        Validate.nonNegative(desiredReplicas, "desiredReplicas");
        Validate.positive(attempt, "attempt");
        Validate.notNull(outcome, "outcome");
        Validate.nonNegative(durationMs, "durationMs");
        if (outcome == ActionOutcome.FAILED || outcome == ActionOutcome.RETRYING) {
            Validate.notBlank(error, "error");
        }
    }
}
