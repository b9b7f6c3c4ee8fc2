package io.inferscale.core.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A forecast of {@code horizon} steps after {@code origin}: for each quantile level (e.g. 0.5,
 * 0.9), one value per step. {@code values[q][h]} is quantile {@code levels[q]} at step {@code h +
 * 1} after the origin.
 */
public record QuantileForecast(Instant origin, Duration step, double[] levels, double[][] values) {
    public QuantileForecast {
        if (origin == null
                || step == null
                || levels == null
                || values == null
                || levels.length != values.length) {
            throw new IllegalArgumentException(
                    "a forecast needs an origin, a step and one row per quantile level");
        }
        levels = levels.clone();
        values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    public int horizon() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The forecast at step {@code h} (1-based) for the given quantile level. */
    public double at(double level, int h) {
        for (int q = 0; q < levels.length; q++) {
            if (levels[q] == level) {
                return values[q][h - 1];
            }
        }
        throw new IllegalArgumentException(
                "no quantile " + level + " in " + Arrays.toString(levels));
    }
}
