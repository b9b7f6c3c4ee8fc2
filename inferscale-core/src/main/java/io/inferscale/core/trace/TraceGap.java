package io.inferscale.core.trace;

import java.time.Duration;
import java.util.Objects;

/**
 * A stretch of a trace with no data (an outage of the recorder, not zero demand): replays produce
 * no arrivals there, and scoring or forecasting must not read it as idle time.
 *
 * @param from start, offset from the trace start (inclusive)
 * @param to end, offset from the trace start (exclusive)
 */
public record TraceGap(Duration from, Duration to) {
    public TraceGap {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isNegative() || to.compareTo(from) <= 0) {
            throw new IllegalArgumentException(
                    "gap must satisfy 0 <= from < to, was " + from + " .. " + to);
        }
    }
}
