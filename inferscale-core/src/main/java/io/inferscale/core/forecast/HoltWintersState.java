package io.inferscale.core.forecast;

/**
 * The state of an additive Holt-Winters filter (level, trend, one seasonal term per phase) and its
 * update, in the classic smoothing form:
 *
 * <pre>
 *   level'  = alpha * (y - season[p]) + (1 - alpha) * (level + trend)
 *   trend'  = beta * (level' - level) + (1 - beta) * trend
 *   season[p] = gamma * (y - level') + (1 - gamma) * season[p]
 * </pre>
 *
 * A missing observation (NaN) is replaced by the one-step forecast, which leaves level + trend
 * rolling on and the trend and seasonal terms unchanged: a gap neither teaches the model a dip nor
 * stops its clock.
 */
final class HoltWintersState {

    private double level;
    private double trend;
    private final double[] season;

    /** The phase of the next step: index into {@link #season}. */
    private int phase;

    private HoltWintersState(double level, double trend, double[] season, int phase) {
        this.level = level;
        this.trend = trend;
        this.season = season;
        this.phase = phase;
    }

    HoltWintersState copy() {
        return new HoltWintersState(level, trend, season.clone(), phase);
    }

    /**
     * The starting state for {@code y}, from all its full seasons: a least-squares line through the
     * seasons' means gives the level just before {@code y[0]} and the trend per step; each phase's
     * seasonal term is the mean deviation from that line, centred to sum to zero. Averaging over
     * every full season (not just the first two) keeps minute-level noise out of the seasonal terms
     * and a day-of-week swing out of the trend.
     *
     * @param m steps per season
     * @param phase0 the seasonal phase of {@code y[0]}
     * @throws IllegalArgumentException if {@code y} has fewer than two full seasons, or fewer than
     *     two of them have observations
     */
    static HoltWintersState initial(double[] y, int m, int phase0) {
        int seasons = y.length / m;
        if (seasons < 2) {
            throw new IllegalArgumentException(
                    "holt-winters needs at least two seasons ("
                            + 2 * m
                            + " steps), got "
                            + y.length);
        }
        // Least squares of season means on the season's centre time.
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int used = 0;
        for (int j = 0; j < seasons; j++) {
            double mean = observedMean(y, j * m, (j + 1) * m);
            if (!Double.isNaN(mean)) {
                double x = j * (double) m + (m - 1) / 2.0;
                sx += x;
                sy += mean;
                sxx += x * x;
                sxy += x * mean;
                used++;
            }
        }
        if (used < 2) {
            throw new IllegalArgumentException(
                    "holt-winters needs observations in at least two full seasons");
        }
        double trend = (used * sxy - sx * sy) / (used * sxx - sx * sx);
        double intercept = (sy - trend * sx) / used; // the line at t = 0
        double[] season = new double[m];
        double seasonSum = 0;
        for (int i = 0; i < m; i++) {
            double sum = 0;
            int count = 0;
            for (int t = i; t < seasons * m; t += m) {
                if (!Double.isNaN(y[t])) {
                    sum += y[t] - (intercept + trend * t);
                    count++;
                }
            }
            double s = count > 0 ? sum / count : 0;
            season[(phase0 + i) % m] = s;
            seasonSum += s;
        }
        double shift = seasonSum / m;
        for (int p = 0; p < m; p++) {
            season[p] -= shift;
        }
        // The level one step before y[0], so that the first forecast is level + trend + season.
        return new HoltWintersState(intercept + shift - trend, trend, season, phase0 % m);
    }

    private static double observedMean(double[] y, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int t = from; t < to; t++) {
            if (!Double.isNaN(y[t])) {
                sum += y[t];
                count++;
            }
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    /** The forecast {@code h >= 1} steps ahead. */
    double forecast(int h) {
        return level + h * trend + season[(phase + h - 1) % season.length];
    }

    /**
     * Takes in the next observation (NaN if missing).
     *
     * @return the one-step error {@code y - forecast(1)}: 0 for a missing observation
     */
    double update(double alpha, double beta, double gamma, double y) {
        double s = season[phase];
        double expected = level + trend + s;
        if (Double.isNaN(y)) {
            y = expected;
        }
        double newLevel = alpha * (y - s) + (1 - alpha) * (level + trend);
        trend = beta * (newLevel - level) + (1 - beta) * trend;
        season[phase] = gamma * (y - newLevel) + (1 - gamma) * s;
        level = newLevel;
        phase = phase + 1 == season.length ? 0 : phase + 1;
        return y - expected;
    }

    double level() {
        return level;
    }

    double trend() {
        return trend;
    }
}
