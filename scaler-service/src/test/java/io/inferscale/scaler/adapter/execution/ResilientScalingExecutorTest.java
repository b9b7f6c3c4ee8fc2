package io.inferscale.scaler.adapter.execution;

import static io.inferscale.contracts.ActionOutcome.FAILED;
import static io.inferscale.contracts.ActionOutcome.RETRYING;
import static io.inferscale.contracts.ActionOutcome.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.inferscale.contracts.ActionOutcome;
import io.inferscale.scaler.domain.execution.ActionAttempt;
import io.inferscale.scaler.domain.execution.ActionResult;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResilientScalingExecutorTest {
    static final ScalingTarget TARGET = new ScalingTarget("llm-demo", "fake", "group-a");
    static final RetryProperties RETRY =
            new RetryProperties(4, Duration.ofMillis(10), 2.0, 0.5, Duration.ofSeconds(1));
    static final CircuitBreakerProperties BREAKER =
            new CircuitBreakerProperties(50, 4, 4, Duration.ofMinutes(1), 1);

    final List<ActionAttempt> records = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    ResilientScalingExecutor executor(ScriptedAdapter adapter, CircuitBreaker breaker) {
        return new ResilientScalingExecutor(
                adapter,
                RETRY.toRetryConfig(),
                breaker,
                records::add,
                new ExecutionMetrics(meters),
                clock);
    }

    ResilientScalingExecutor executor(ScriptedAdapter adapter) {
        return executor(adapter, CircuitBreaker.of("fake", BREAKER.toCircuitBreakerConfig()));
    }

    static Supplier<RuntimeException> failure(FailureKind kind) {
        return () -> new ProviderException(kind, kind + " from the fake");
    }

    record Expected(ActionOutcome outcome, FailureKind failure) {}

    static Expected ok() {
        return new Expected(SUCCEEDED, null);
    }

    static Expected retrying(FailureKind k) {
        return new Expected(RETRYING, k);
    }

    static Expected failed(FailureKind k) {
        return new Expected(FAILED, k);
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                arguments("succeeds at once", List.of(), List.of(ok())),
                arguments(
                        "throttled twice, then succeeds",
                        List.of(FailureKind.THROTTLED, FailureKind.THROTTLED),
                        List.of(
                                retrying(FailureKind.THROTTLED),
                                retrying(FailureKind.THROTTLED),
                                ok())),
                arguments(
                        "timeout, then succeeds",
                        List.of(FailureKind.TIMEOUT),
                        List.of(retrying(FailureKind.TIMEOUT), ok())),
                arguments(
                        "5xx until the attempts run out",
                        List.of(
                                FailureKind.SERVER_ERROR,
                                FailureKind.SERVER_ERROR,
                                FailureKind.UNREACHABLE,
                                FailureKind.SERVER_ERROR,
                                FailureKind.SERVER_ERROR),
                        List.of(
                                retrying(FailureKind.SERVER_ERROR),
                                retrying(FailureKind.SERVER_ERROR),
                                retrying(FailureKind.UNREACHABLE),
                                failed(FailureKind.SERVER_ERROR))),
                arguments(
                        "a 4xx validation error is not retried",
                        List.of(FailureKind.INVALID_REQUEST),
                        List.of(failed(FailureKind.INVALID_REQUEST))),
                arguments(
                        "retryable, then not retryable: stops there",
                        List.of(FailureKind.THROTTLED, FailureKind.NOT_AUTHORIZED),
                        List.of(
                                retrying(FailureKind.THROTTLED),
                                failed(FailureKind.NOT_AUTHORIZED))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void recordsOneAttemptPerCallWithTheSameAbsoluteCount(
            String name, List<FailureKind> script, List<Expected> expected) {
        ScriptedAdapter adapter = new ScriptedAdapter("fake");
        script.forEach(k -> adapter.then(failure(k)));

        ActionResult result = executor(adapter).apply(TARGET, 5, "decision-1");

        assertThat(result.attempts())
                .extracting(a -> new Expected(a.outcome(), a.failure()))
                .containsExactlyElementsOf(expected);
        assertThat(result.attempts())
                .extracting(ActionAttempt::attempt)
                .containsExactlyElementsOf(
                        Stream.iterate(1, i -> i + 1).limit(expected.size()).toList());
        assertThat(records).isEqualTo(result.attempts());
        assertThat(adapter.desiredCalls).hasSize(expected.size()).containsOnly(5);
        assertThat(result.outcome()).isEqualTo(expected.get(expected.size() - 1).outcome());
    }

    @Test
    void backOffGrowsExponentiallyWithinTheJitterBounds() {
        ScriptedAdapter adapter = new ScriptedAdapter("fake");
        adapter.then(failure(FailureKind.THROTTLED))
                .then(failure(FailureKind.THROTTLED))
                .then(failure(FailureKind.THROTTLED));

        ActionResult result = executor(adapter).apply(TARGET, 3, "decision-2");

        List<Duration> waits =
                result.attempts().stream()
                        .filter(a -> a.outcome() == RETRYING)
                        .map(ActionAttempt::backoff)
                        .toList();
        assertThat(waits).hasSize(3);
        for (int n = 0; n < waits.size(); n++) {
            double base = 10 * Math.pow(2, n);
            assertThat(waits.get(n).toMillis())
                    .as("wait after attempt %d", n + 1)
                    .isBetween((long) Math.floor(base * 0.5), (long) Math.ceil(base * 1.5));
        }
        assertThat(result.last().backoff()).isNull();
    }

    @Test
    void theCircuitOpensAfterRepeatedProviderFailuresAndRejectsWithoutCalling() {
        ScriptedAdapter adapter =
                new ScriptedAdapter("fake").failingWith(failure(FailureKind.SERVER_ERROR));
        CircuitBreaker breaker = CircuitBreaker.of("fake", BREAKER.toCircuitBreakerConfig());
        ResilientScalingExecutor executor = executor(adapter, breaker);

        ActionResult first = executor.apply(TARGET, 2, "decision-3");
        int callsBeforeOpen = adapter.desiredCalls.size();
        ActionResult rejected = executor.apply(TARGET, 2, "decision-4");

        assertThat(first.outcome()).isEqualTo(FAILED);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(rejected.attempts()).hasSize(1);
        assertThat(rejected.last().rejected()).isTrue();
        assertThat(rejected.last().duration()).isZero();
        assertThat(adapter.desiredCalls).hasSize(callsBeforeOpen);
        assertThatThrownBy(() -> executor.observe(TARGET))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN));
        assertThat(
                        meters.get(ExecutionMetrics.ATTEMPTS)
                                .tags("provider", "fake", "failure", "CIRCUIT_OPEN")
                                .counter()
                                .count())
                .isEqualTo(1.0);
    }

    @Test
    void validationErrorsDoNotOpenTheCircuit() {
        ScriptedAdapter adapter =
                new ScriptedAdapter("fake").failingWith(failure(FailureKind.INVALID_REQUEST));
        CircuitBreaker breaker = CircuitBreaker.of("fake", BREAKER.toCircuitBreakerConfig());
        ResilientScalingExecutor executor = executor(adapter, breaker);

        for (int i = 0; i < 10; i++) {
            executor.apply(TARGET, 2, "decision-" + i);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(adapter.desiredCalls).hasSize(10);
    }

    @Test
    void anUnclassifiedAdapterBugFailsOnceWithoutRetry() {
        ScriptedAdapter adapter =
                new ScriptedAdapter("fake").then(() -> new NullPointerException("oops"));

        ActionResult result = executor(adapter).apply(TARGET, 1, "decision-5");

        assertThat(result.attempts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.failure()).isEqualTo(FailureKind.OTHER);
                            assertThat(a.error()).contains("NullPointerException: oops");
                        });
    }

    @Test
    void aLostRecordDoesNotTurnAnAppliedActionIntoAFailure() {
        ScriptedAdapter adapter = new ScriptedAdapter("fake");
        ResilientScalingExecutor executor =
                new ResilientScalingExecutor(
                        adapter,
                        RETRY.toRetryConfig(),
                        CircuitBreaker.of("fake", BREAKER.toCircuitBreakerConfig()),
                        a -> {
                            throw new IllegalStateException("database down");
                        },
                        new ExecutionMetrics(meters),
                        clock);

        ActionResult result = executor.apply(TARGET, 4, "decision-6");

        assertThat(result.succeeded()).isTrue();
        assertThat(adapter.state).isEqualTo(4);
        assertThat(meters.get(ExecutionMetrics.RECORD_FAILURES).counter().count()).isEqualTo(1.0);
    }

    @Test
    void observeRetriesLikeApplyButKeepsNoRecords() {
        ScriptedAdapter adapter = new ScriptedAdapter("fake").then(failure(FailureKind.THROTTLED));
        adapter.state = 3;

        assertThat(executor(adapter).observe(TARGET).desiredReplicas()).isEqualTo(3);
        assertThat(adapter.observeCalls).isEqualTo(2);
        assertThat(records).isEmpty();
    }

    @Test
    void refusesATargetOfAnotherProvider() {
        ResilientScalingExecutor executor = executor(new ScriptedAdapter("fake"));
        ScalingTarget other = new ScalingTarget("m", "aws-asg", "asg-1");

        assertThatThrownBy(() -> executor.apply(other, 1, "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
