package io.inferscale.scaler.adapter.execution;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.inferscale.scaler.domain.execution.ProviderException;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of one provider call: exponential back-off with jitter, only for retryable failures
 * (throttling, 5xx, timeouts, connection errors; never 4xx validation errors).
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialBackoff the wait after the first failure, before jitter
 * @param multiplier how much each wait grows over the previous one
 * @param jitter the randomisation factor: a wait w becomes uniform in [w(1-j), w(1+j)], so that
 *     scalers that failed together do not retry together
 * @param maxBackoff the cap on a wait before jitter
 */
public record RetryProperties(
        @DefaultValue("4") @Min(1) @Max(10) int maxAttempts,
        @DefaultValue("500ms") @NotNull Duration initialBackoff,
        @DefaultValue("2.0") @DecimalMin("1.0") @DecimalMax("10.0") double multiplier,
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("0.99") double jitter,
        @DefaultValue("20s") @NotNull Duration maxBackoff) {

    @AssertTrue(message = "initialBackoff must be > 0 and <= maxBackoff")
    public boolean isBackoffOrdered() {
        return initialBackoff == null
                || maxBackoff == null
                || (!initialBackoff.isNegative()
                        && !initialBackoff.isZero()
                        && initialBackoff.compareTo(maxBackoff) <= 0);
    }

    public RetryConfig toRetryConfig() {
        return RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(
                        IntervalFunction.ofExponentialRandomBackoff(
                                initialBackoff, multiplier, jitter, maxBackoff))
                .retryOnException(e -> e instanceof ProviderException p && p.retryable())
                .failAfterMaxAttempts(false)
                .build();
    }
}
