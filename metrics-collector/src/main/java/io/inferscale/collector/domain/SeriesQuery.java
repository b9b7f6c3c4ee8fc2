package io.inferscale.collector.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A validated request for one model's series: [from, to) in buckets of {@code step}. Validation
 * lives here, not in the controller, so every entry point enforces the same limits.
 */
public record SeriesQuery(String model, Instant from, Instant to, Duration step) {
    public SeriesQuery {
        if (model == null || model.isBlank())
            throw new IllegalArgumentException("model: must not be blank");
        if (from == null || to == null)
            throw new IllegalArgumentException("from/to: both are required");
        if (!to.isAfter(from)) throw new IllegalArgumentException("to: must be after from");
        if (step == null || step.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("step: must be at least 1s");
        }
    }

    public long points() {
        return (Duration.between(from, to).toMillis() + step.toMillis() - 1) / step.toMillis();
    }

    public SeriesQuery requireAtMost(int maxPoints) {
        if (points() > maxPoints) {
            throw new IllegalArgumentException(
                    "step: "
                            + points()
                            + " points requested, at most "
                            + maxPoints
                            + " allowed; use a larger step");
        }
        return this;
    }
}
