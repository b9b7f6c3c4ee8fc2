package io.inferscale.scaler.domain.execution;

/**
 * Keeps one record per attempt, as the attempt ends (a {@code RETRYING} record exists before the
 * back-off starts).
 */
@FunctionalInterface
public interface ActionRecorder {
    void record(ActionAttempt attempt);
}
