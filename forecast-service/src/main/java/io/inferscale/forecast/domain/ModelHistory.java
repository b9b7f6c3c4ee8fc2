package io.inferscale.forecast.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What is stored of one model's demand at one window length.
 *
 * @param windows how many windows (observed steps)
 * @param firstStart the start of the oldest
 * @param lastEnd the end of the newest
 */
public record ModelHistory(String model, long windows, Instant firstStart, Instant lastEnd) {

    /** Observed data, not the span: a model with two windows a week apart has two minutes. */
    public Duration observed(Duration step) {
        return step.multipliedBy(windows);
    }
}
