package io.inferscale.scaler.adapter.execution;

import io.inferscale.scaler.domain.execution.ActionAttempt;
import io.inferscale.scaler.domain.execution.ActionResult;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Micrometer meters of the execution layer, tagged by provider and outcome (and failure kind, so
 * "throttled" and "circuit open" are told apart without parsing errors).
 */
public final class ExecutionMetrics {
    static final String ATTEMPTS = "inferscale.scaler.action.attempts";
    static final String ATTEMPT_DURATION = "inferscale.scaler.action.attempt.duration";
    static final String ACTIONS = "inferscale.scaler.actions";
    static final String OBSERVE_FAILURES = "inferscale.scaler.observe.failures";
    static final String RECORD_FAILURES = "inferscale.scaler.action.record.failures";

    private final MeterRegistry registry;

    public ExecutionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempt(String provider, ActionAttempt a) {
        String failure = a.failure() == null ? "none" : a.failure().name();
        Counter.builder(ATTEMPTS)
                .description("Provider call attempts, one per action record")
                .tags("provider", provider, "outcome", a.outcome().name(), "failure", failure)
                .register(registry)
                .increment();
        if (!a.rejected()) {
            Timer.builder(ATTEMPT_DURATION)
                    .description("How long one provider call took")
                    .tags("provider", provider, "outcome", a.outcome().name())
                    .register(registry)
                    .record(a.duration());
        }
    }

    void action(String provider, ActionResult result, Duration total) {
        Timer.builder(ACTIONS)
                .description("Applied decisions, by final outcome; time includes back-off")
                .tags("provider", provider, "outcome", result.outcome().name())
                .register(registry)
                .record(total);
    }

    void observeFailed(String provider, FailureKind kind) {
        Counter.builder(OBSERVE_FAILURES)
                .description("Provider state reads that failed after retries")
                .tags("provider", provider, "failure", kind.name())
                .register(registry)
                .increment();
    }

    void recordFailed(String provider) {
        Counter.builder(RECORD_FAILURES)
                .description("Action records that could not be stored")
                .tags("provider", provider)
                .register(registry)
                .increment();
    }
}
