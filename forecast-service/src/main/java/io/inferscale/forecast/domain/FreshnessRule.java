package io.inferscale.forecast.domain;

import io.inferscale.core.forecast.DemandSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a forecast's input can be trusted. A forecast is made from the newest observed
 * step on (the origin); it is degraded when that step is older than {@code maxInputAge} (the
 * collector stopped publishing, or this service stopped receiving) or when more than {@code
 * maxMissingInTail} of the last {@code tailSteps} steps before the origin are missing (the newest
 * data is patchy). The scaler then falls back to reactive scaling instead of provisioning on a
 * forecast made from holes; the forecasters never read the holes as zeros either way.
 */
public record FreshnessRule(Duration maxInputAge, int tailSteps, int maxMissingInTail) {

    public FreshnessRule {
        if (maxInputAge == null || maxInputAge.isNegative() || maxInputAge.isZero()) {
            throw new IllegalArgumentException("maxInputAge must be positive");
        }
        if (tailSteps < 1 || maxMissingInTail < 0 || maxMissingInTail >= tailSteps) {
            throw new IllegalArgumentException(
                    "need tailSteps >= 1 and 0 <= maxMissingInTail < tailSteps");
        }
    }

    public InputFreshness assess(DemandSeries series, Instant now) {
        int newest = series.size() - 1;
        while (newest >= 0 && series.missing(newest)) {
            newest--;
        }
        if (newest < 0) {
            return new InputFreshness(
                    null, Duration.ZERO, 0, tailSteps, List.of("no demand data in the lookback"));
        }
        Instant origin = series.timeOf(newest + 1);
        Duration age = Duration.between(origin, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        int missing = 0;
        for (int i = Math.max(0, newest + 1 - tailSteps); i <= newest; i++) {
            if (series.missing(i)) {
                missing++;
            }
        }
        // Steps before the series starts count as missing: a model with 3 minutes of history
        // has no recent level to forecast from.
        missing += Math.max(0, tailSteps - (newest + 1));
        List<String> problems = new ArrayList<>();
        if (age.compareTo(maxInputAge) > 0) {
            problems.add(
                    "stale input: the newest demand window ended "
                            + human(age)
                            + " ago at "
                            + origin
                            + " (limit "
                            + human(maxInputAge)
                            + ")");
        }
        if (missing > maxMissingInTail) {
            problems.add(
                    "gaps in recent input: "
                            + missing
                            + " of the last "
                            + tailSteps
                            + " steps before "
                            + origin
                            + " are missing (limit "
                            + maxMissingInTail
                            + ")");
        }
        return new InputFreshness(origin, age, missing, tailSteps, problems);
    }

    /** For messages: 45s, 31m, 3h20m, 71h. */
    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        return s / 3600 + "h" + (s % 3600 / 60 > 0 ? s % 3600 / 60 + "m" : "");
    }
}
