package io.inferscale.scaler.adapter.execution;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.inferscale.scaler.domain.execution.ProviderException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One circuit breaker per provider, over its last {@code slidingWindow} calls (attempts, not
 * actions). Only retryable failures count against the provider: a 4xx validation error says our
 * request was wrong, not that the provider is unwell.
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param minimumCalls calls needed in the window before the rate is judged
 * @param openFor how long an open circuit rejects calls before letting probes through
 * @param halfOpenCalls probe calls allowed while half-open
 */
public record CircuitBreakerProperties(
        @DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
        @DefaultValue("10") @Min(1) int slidingWindow,
        @DefaultValue("5") @Min(1) int minimumCalls,
        @DefaultValue("60s") @NotNull Duration openFor,
        @DefaultValue("2") @Min(1) int halfOpenCalls) {

    public CircuitBreakerConfig toCircuitBreakerConfig() {
        return CircuitBreakerConfig.custom()
                .slidingWindow(slidingWindow, minimumCalls, SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(failureRateThreshold)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                .recordException(e -> e instanceof ProviderException p && p.retryable())
                .ignoreException(e -> !(e instanceof ProviderException p && p.retryable()))
                .build();
    }
}
