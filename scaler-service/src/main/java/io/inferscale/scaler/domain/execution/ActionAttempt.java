package io.inferscale.scaler.domain.execution;

import io.inferscale.contracts.ActionOutcome;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.ScalingAction;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt to apply a decision: what the action record and the {@code scaling.actions} event
 * hold.
 *
 * @param outcome {@code SUCCEEDED}; {@code RETRYING} when another attempt follows after {@code
 *     backoff}; {@code FAILED} when this was the last one (non-retryable error, attempts exhausted,
 *     or rejected because the circuit was open: {@link #rejected()})
 * @param failure why it failed; null when it succeeded
 * @param error the provider's error, credential-free; null when it succeeded
 * @param duration how long the provider call took (zero when rejected without a call)
 * @param backoff the wait before the next attempt; null unless {@code RETRYING}
 */
public record ActionAttempt(
        String decisionId,
        ScalingTarget target,
        int desiredReplicas,
        int attempt,
        ActionOutcome outcome,
        FailureKind failure,
        String error,
        Instant startedAt,
        Duration duration,
        Duration backoff) {

    public ActionAttempt {
        if (decisionId == null || decisionId.isBlank()) {
            throw new IllegalArgumentException("decisionId must not be blank");
        }
        if (target == null || outcome == null || startedAt == null || duration == null) {
            throw new IllegalArgumentException(
                    "target, outcome, startedAt and duration are required");
        }
        if (desiredReplicas < 0 || attempt < 1) {
            throw new IllegalArgumentException("desiredReplicas must be >= 0 and attempt >= 1");
        }
        if ((outcome == ActionOutcome.SUCCEEDED) != (failure == null)) {
            throw new IllegalArgumentException(
                    "a failure kind goes with, and only with, a failure");
        }
        if ((outcome == ActionOutcome.RETRYING) != (backoff != null)) {
            throw new IllegalArgumentException("a back-off goes with, and only with, RETRYING");
        }
        error = ErrorText.safe(error);
    }

    /** This attempt as a {@code scaling.actions} event; the caller owns the envelope (event id). */
    public ScalingAction toEvent(EventMeta meta) {
        return new ScalingAction(
                meta,
                target.model(),
                decisionId,
                target.provider(),
                target.target(),
                desiredReplicas,
                attempt,
                outcome,
                error,
                duration.toMillis());
    }

    /** Not attempted because the provider's circuit breaker was open. */
    public boolean rejected() {
        return failure == FailureKind.CIRCUIT_OPEN;
    }
}
