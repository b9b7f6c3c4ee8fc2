package io.inferscale.scaler.domain.execution;

/**
 * The port the scaler's control loop drives for one provider: read what the provider has, then ask
 * for an absolute replica count. Counts are never deltas, so applying the same decision twice (a
 * retry, a redelivered decision) lands on the same state.
 *
 * <p>Implementations add the retries, the circuit breaker and the action records around a {@link
 * ProviderAdapter}, which makes exactly one call per attempt.
 */
public interface ScalingExecutor {

    /** The provider name policies use, e.g. {@code aws-asg}. */
    String provider();

    /**
     * What the provider has now: desired, current and ready replicas, and the ready replicas'
     * addresses where the provider knows them.
     *
     * @throws ProviderException when the provider could not be read (after retries), or its circuit
     *     is open ({@link FailureKind#CIRCUIT_OPEN})
     */
    ProviderState observe(ScalingTarget target);

    /**
     * Sets the target's desired replica count to {@code desiredReplicas}. Provider failures do not
     * throw: they come back as attempts in the result, each also handed to the action recorder.
     *
     * @param decisionId the {@code meta.eventId} of the decision this applies
     */
    ActionResult apply(ScalingTarget target, int desiredReplicas, String decisionId);
}
