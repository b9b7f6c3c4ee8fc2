package io.inferscale.core.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The empirical distribution of a forecaster's in-sample errors ({@code actual - point forecast}),
 * one distribution per horizon step, turned into quantile forecasts: quantile {@code q} at step
 * {@code h} is {@code point[h] + Q_h(q)}. Empirical rather than Gaussian because per-minute counts
 * are skewed (bursts far above the mean, dips bounded by zero).
 *
 * <p>Each distribution is kept as its quantiles on a grid of {@value #GRID} + 1 levels (linear
 * interpolation between order statistics, "type 7"), then interpolated linearly between grid
 * levels: bounded memory however long the training series, and exact whenever the order statistics
 * fall on the grid. Steps past the last distribution reuse the last one (an underestimate of the
 * spread there). Forecasts are clamped at zero: demand is never negative.
 */
final class ResidualQuantiles {

    static final int GRID = 1000;

    /** grid[h - 1][k]: quantile at level k / GRID of the step-h errors. */
    private final double[][] grid;

    private ResidualQuantiles(double[][] grid) {
        this.grid = grid;
    }

    /**
     * @param residuals per horizon step (row {@code h - 1}), the first {@code counts[h - 1]}
     *     entries of each row are errors; rows are sorted in place. An empty row borrows the
     *     nearest row below it that has errors (or above, for the first rows).
     * @throws IllegalArgumentException if there is no error at all
     */
    static ResidualQuantiles of(double[][] residuals, int[] counts) {
        int horizons = residuals.length;
        double[][] grid = new double[horizons][];
        for (int h = 0; h < horizons; h++) {
            if (counts[h] > 0) {
                double[] sorted = Arrays.copyOf(residuals[h], counts[h]);
                Arrays.sort(sorted);
                grid[h] = gridOf(sorted);
            }
        }
        int firstWithData = -1;
        for (int h = 0; h < horizons && firstWithData < 0; h++) {
            if (grid[h] != null) {
                firstWithData = h;
            }
        }
        if (firstWithData < 0) {
            throw new IllegalArgumentException(
                    "no in-sample errors to estimate quantiles from: the training series is too"
                            + " short or has too few observations");
        }
        for (int h = 0; h < horizons; h++) {
            if (grid[h] == null) {
                grid[h] = h < firstWithData ? grid[firstWithData] : grid[h - 1];
            }
        }
        return new ResidualQuantiles(grid);
    }

    /** One distribution for every horizon step (the seasonal naive's errors do not grow). */
    static ResidualQuantiles single(double[] residuals, int count) {
        return of(new double[][] {residuals}, new int[] {count});
    }

    private static double[] gridOf(double[] sorted) {
        double[] g = new double[GRID + 1];
        for (int k = 0; k <= GRID; k++) {
            g[k] = orderStatistic(sorted, (double) k / GRID);
        }
        return g;
    }

    /** Type-7 sample quantile of sorted values. */
    static double orderStatistic(double[] sorted, double level) {
        double pos = level * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    /** Quantile {@code level} of the errors at step {@code h} (1-based). */
    double quantile(int h, double level) {
        double[] g = grid[Math.min(h, grid.length) - 1];
        double pos = level * GRID;
        int lo = (int) Math.floor(pos);
        if (lo >= GRID) {
            return g[GRID];
        }
        double frac = pos - lo;
        return frac == 0 ? g[lo] : g[lo] + frac * (g[lo + 1] - g[lo]);
    }

    /** Quantile forecasts around point forecasts {@code point[h - 1]}, clamped at zero. */
    QuantileForecast around(Instant origin, Duration step, double[] point, double[] levels) {
        double[][] values = new double[levels.length][point.length];
        for (int q = 0; q < levels.length; q++) {
            for (int h = 1; h <= point.length; h++) {
                values[q][h - 1] = Math.max(0, point[h - 1] + quantile(h, levels[q]));
            }
        }
        return new QuantileForecast(origin, step, levels, values);
    }
}
