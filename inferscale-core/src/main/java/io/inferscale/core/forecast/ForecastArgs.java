package io.inferscale.core.forecast;

import java.time.Duration;

/** Argument checks shared by the forecasters, so that they reject bad input the same way. */
final class ForecastArgs {

    private ForecastArgs() {}

    static void checkRequest(DemandSeries recent, int horizon, double[] levels) {
        if (recent == null) {
            throw new IllegalArgumentException("recent must not be null");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 step, was " + horizon);
        }
        if (levels == null || levels.length == 0) {
            throw new IllegalArgumentException("at least one quantile level is needed");
        }
        for (double level : levels) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException(
                        "quantile levels must lie in (0, 1), was " + level);
            }
        }
    }

    /** How many steps of {@code step} make one {@code season}; the step must divide it. */
    static int stepsPer(Duration season, Duration step) {
        long seasonNanos = season.toNanos();
        long stepNanos = step.toNanos();
        if (seasonNanos % stepNanos != 0 || seasonNanos / stepNanos > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "a season of " + season + " is not a whole number of " + step + " steps");
        }
        return (int) (seasonNanos / stepNanos);
    }

    static void checkSameStep(String forecaster, Duration fitted, Duration given) {
        if (fitted == null) {
            throw new IllegalStateException(forecaster + ": call fit(history) before forecast");
        }
        if (!fitted.equals(given)) {
            throw new IllegalArgumentException(
                    forecaster + " was fitted on " + fitted + " steps, not " + given);
        }
    }

    static boolean hasObservation(double[] values) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
