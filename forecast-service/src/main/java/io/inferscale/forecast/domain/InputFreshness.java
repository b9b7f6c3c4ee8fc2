package io.inferscale.forecast.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How trustworthy the input of one forecast is.
 *
 * @param origin the end of the newest observed step: the forecast starts there; null when the
 *     series has no observation at all
 * @param inputAge how old that newest datum was at assessment time (zero if it lies in the future)
 * @param missingInTail missing steps among the last {@code tailSteps} before the origin
 * @param problems why the input is not trustworthy, in words; empty when it is
 */
public record InputFreshness(
        Instant origin,
        Duration inputAge,
        int missingInTail,
        int tailSteps,
        List<String> problems) {

    public InputFreshness {
        problems = List.copyOf(problems);
    }

    public boolean degraded() {
        return !problems.isEmpty();
    }

    /** The problems joined, or null when there are none. */
    public String reason() {
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    public boolean hasData() {
        return origin != null;
    }
}
