package io.inferscale.scaler.adapter.execution;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.inferscale.contracts.ActionOutcome;
import io.inferscale.scaler.domain.execution.ActionAttempt;
import io.inferscale.scaler.domain.execution.ActionRecorder;
import io.inferscale.scaler.domain.execution.ActionResult;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderAdapter;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingExecutor;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider adapter behind Resilience4j: retries with exponential back-off and jitter for
 * retryable failures (throttling, 5xx, timeouts, connection errors), the provider's circuit breaker
 * around every call, and one action record per attempt.
 *
 * <p>Each {@link #apply} gets its own {@link Retry} instance (same shared config), so the retry
 * events it listens to for the back-off it records belong to this action alone. The circuit breaker
 * is shared by every call to the provider: that is the point of it.
 */
public final class ResilientScalingExecutor implements ScalingExecutor {
    private static final Logger log = LoggerFactory.getLogger(ResilientScalingExecutor.class);

    private final ProviderAdapter adapter;
    private final RetryConfig retryConfig;
    private final CircuitBreaker breaker;
    private final ActionRecorder recorder;
    private final ExecutionMetrics metrics;
    private final Clock clock;

    public ResilientScalingExecutor(
            ProviderAdapter adapter,
            RetryConfig retryConfig,
            CircuitBreaker breaker,
            ActionRecorder recorder,
            ExecutionMetrics metrics,
            Clock clock) {
        this.adapter = adapter;
        this.retryConfig = retryConfig;
        this.breaker = breaker;
        this.recorder = recorder;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return adapter.provider();
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    @Override
    public ProviderState observe(ScalingTarget target) {
        requireOwn(target);
        Retry retry = Retry.of(provider(), retryConfig);
        Supplier<ProviderState> call =
                Retry.decorateSupplier(
                        retry,
                        CircuitBreaker.decorateSupplier(
                                breaker, () -> classifiedCall(() -> adapter.observe(target))));
        try {
            return call.get();
        } catch (CallNotPermittedException e) {
            metrics.observeFailed(provider(), FailureKind.CIRCUIT_OPEN);
            throw new ProviderException(FailureKind.CIRCUIT_OPEN, circuitOpen());
        } catch (ProviderException e) {
            metrics.observeFailed(provider(), e.kind());
            throw e;
        }
    }

    @Override
    public ActionResult apply(ScalingTarget target, int desiredReplicas, String decisionId) {
        requireOwn(target);
        if (desiredReplicas < 0) {
            throw new IllegalArgumentException("desiredReplicas must be >= 0");
        }
        long started = System.nanoTime();
        ActionResult result = new Attempts(target, desiredReplicas, decisionId).run();
        metrics.action(provider(), result, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    /** The attempts of one apply: call, classify, record, back off, repeat. */
    private final class Attempts {
        private final ScalingTarget target;
        private final int desired;
        private final String decisionId;
        private final List<ActionAttempt> done = new ArrayList<>();
        private final Retry retry = Retry.of(provider(), retryConfig);
        private Failure lastFailure;

        Attempts(ScalingTarget target, int desired, String decisionId) {
            this.target = target;
            this.desired = desired;
            this.decisionId = decisionId;
            // Fires after a retryable failure, before the back-off sleep: record RETRYING now.
            retry.getEventPublisher()
                    .onRetry(e -> record(failed(ActionOutcome.RETRYING, e.getWaitInterval())));
        }

        ActionResult run() {
            Retry.Context<Void> context = retry.context();
            for (int attempt = 1; ; attempt++) {
                if (Thread.currentThread().isInterrupted()) {
                    record(notAttempted(attempt, FailureKind.OTHER, "interrupted during back-off"));
                    break;
                }
                Instant startedAt = clock.instant();
                long t0 = System.nanoTime();
                try {
                    breaker.executeRunnable(
                            () -> classifiedRun(() -> adapter.setDesiredReplicas(target, desired)));
                    record(
                            attempt(
                                    attempt,
                                    ActionOutcome.SUCCEEDED,
                                    null,
                                    null,
                                    startedAt,
                                    since(t0),
                                    null));
                    context.onComplete();
                    break;
                } catch (CallNotPermittedException e) {
                    record(notAttempted(attempt, FailureKind.CIRCUIT_OPEN, circuitOpen()));
                    break;
                } catch (ProviderException e) {
                    lastFailure = new Failure(attempt, e, startedAt, since(t0));
                    try {
                        // Either publishes the retry event (RETRYING recorded) and sleeps the
                        // back-off, or rethrows: not retryable, or the last attempt.
                        context.onRuntimeError(e);
                    } catch (RuntimeException last) {
                        if (!Thread.currentThread().isInterrupted()) {
                            record(failed(ActionOutcome.FAILED, null));
                            break;
                        } // else interrupted while backing off: the loop's head records it
                    }
                }
            }
            return new ActionResult(done);
        }

        private ActionAttempt notAttempted(int attempt, FailureKind why, String error) {
            return attempt(
                    attempt,
                    ActionOutcome.FAILED,
                    why,
                    error,
                    clock.instant(),
                    Duration.ZERO,
                    null);
        }

        private ActionAttempt attempt(
                int attempt,
                ActionOutcome outcome,
                FailureKind failure,
                String error,
                Instant startedAt,
                Duration duration,
                Duration backoff) {
            return new ActionAttempt(
                    decisionId,
                    target,
                    desired,
                    attempt,
                    outcome,
                    failure,
                    error,
                    startedAt,
                    duration,
                    backoff);
        }

        private void record(ActionAttempt a) {
            done.add(a);
            metrics.attempt(provider(), a);
            if (a.outcome() == ActionOutcome.SUCCEEDED) {
                log.info(
                        "{}: desired={} applied (decision {}, attempt {})",
                        target,
                        desired,
                        decisionId,
                        a.attempt());
            } else {
                log.warn(
                        "{}: desired={} attempt {} {} ({}): {}{}",
                        target,
                        desired,
                        a.attempt(),
                        a.outcome(),
                        a.failure(),
                        a.error(),
                        a.backoff() == null
                                ? ""
                                : "; next attempt in " + a.backoff().toMillis() + " ms");
            }
            try {
                recorder.record(a);
            } catch (RuntimeException e) {
                // The provider call already happened; failing the action now would misreport it.
                metrics.recordFailed(provider());
                log.error("{}: could not store the action record {}", target, a, e);
            }
        }

        private ActionAttempt failed(ActionOutcome outcome, Duration backoff) {
            Failure f = lastFailure;
            return attempt(
                    f.attempt(),
                    outcome,
                    f.error().kind(),
                    f.error().getMessage(),
                    f.startedAt(),
                    f.took(),
                    backoff);
        }
    }

    private record Failure(
            int attempt, ProviderException error, Instant startedAt, Duration took) {}

    /** Anything an adapter lets escape unclassified is a bug there; it must not be retried. */
    private static <T> T classifiedCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(FailureKind.OTHER, e.toString(), e);
        }
    }

    private static void classifiedRun(Runnable call) {
        classifiedCall(
                () -> {
                    call.run();
                    return null;
                });
    }

    private String circuitOpen() {
        return "circuit breaker for " + provider() + " is open; not attempted";
    }

    private void requireOwn(ScalingTarget target) {
        if (!provider().equals(target.provider())) {
            throw new IllegalArgumentException(
                    "target " + target + " does not belong to provider " + provider());
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
