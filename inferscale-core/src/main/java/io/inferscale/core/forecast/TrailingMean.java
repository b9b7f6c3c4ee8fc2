package io.inferscale.core.forecast;

import java.time.Duration;
import java.util.Arrays;

/**
 * Trailing mean: every step ahead is forecast as the mean of the observed values in the last {@code
 * window} (default 60 minutes). On noisy per-minute counts this is a strong baseline at short
 * horizons.
 *
 * <p>Quantiles: per horizon step {@code h}, the empirical quantiles of the in-sample errors {@code
 * y[t + h - 1] - mean(y[t - window, t))} over every origin {@code t} of the training series with a
 * full window behind it (see {@link ResidualQuantiles}). Empirical rather than {@code mean + z *
 * sd}: minute counts are skewed, and the error grows with {@code h} as the level drifts. Steps past
 * {@code maxHorizon} reuse the last step's errors.
 *
 * <p>Missing values are left out of the mean. When the whole window is missing, the last observed
 * value before it stands in (stale, but never a zero); a forecast with no observation at all is
 * refused.
 */
public final class TrailingMean implements DemandForecaster {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(60);
    public static final int DEFAULT_MAX_HORIZON = 60;

    private final Duration window;
    private final int maxHorizon;
    private Duration fittedStep;
    private ResidualQuantiles errors;

    public TrailingMean() {
        this(DEFAULT_WINDOW, DEFAULT_MAX_HORIZON);
    }

    /**
     * @param window how far back the mean reaches; the series' step must divide it
     * @param maxHorizon the furthest step whose in-sample errors are measured at fit time
     */
    public TrailingMean(Duration window, int maxHorizon) {
        if (window == null || window.isZero() || window.isNegative() || maxHorizon < 1) {
            throw new IllegalArgumentException(
                    "a trailing mean needs a window > 0, maxHorizon >= 1");
        }
        this.window = window;
        this.maxHorizon = maxHorizon;
    }

    @Override
    public String name() {
        return "trailing-mean";
    }

    @Override
    public void fit(DemandSeries history) {
        int w = ForecastArgs.stepsPer(window, history.step());
        double[] y = history.values();
        int origins = Math.max(0, y.length - w);
        double[][] residuals = new double[maxHorizon][origins];
        int[] counts = new int[maxHorizon];
        TrailingWindow mean = new TrailingWindow(y, w);
        for (int t = w; t < y.length; t++) {
            mean.advanceTo(t);
            double point = mean.value();
            if (Double.isNaN(point)) {
                continue;
            }
            for (int h = 1; h <= maxHorizon && t + h - 1 < y.length; h++) {
                double actual = y[t + h - 1];
                if (!Double.isNaN(actual)) {
                    residuals[h - 1][counts[h - 1]++] = actual - point;
                }
            }
        }
        errors = ResidualQuantiles.of(residuals, counts);
        fittedStep = history.step();
    }

    @Override
    public QuantileForecast forecast(DemandSeries recent, int horizon, double[] levels) {
        ForecastArgs.checkRequest(recent, horizon, levels);
        ForecastArgs.checkSameStep(name(), fittedStep, recent.step());
        int w = ForecastArgs.stepsPer(window, recent.step());
        double point = meanBefore(recent.values(), w);
        if (Double.isNaN(point)) {
            throw new IllegalArgumentException(
                    "trailing-mean: no observation before the origin " + recent.end());
        }
        double[] points = new double[horizon];
        Arrays.fill(points, point);
        return errors.around(recent.end(), recent.step(), points, levels);
    }

    /** The same rule as {@link TrailingWindow}, for the one origin at the end of {@code y}. */
    private static double meanBefore(double[] y, int w) {
        double sum = 0;
        int count = 0;
        for (int i = Math.max(0, y.length - w); i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                sum += y[i];
                count++;
            }
        }
        if (count > 0) {
            return sum / count;
        }
        for (int i = y.length - w - 1; i >= 0; i--) {
            if (!Double.isNaN(y[i])) {
                return y[i];
            }
        }
        return Double.NaN;
    }

    /**
     * The mean of the observed values in {@code [t - w, t)} for increasing origins {@code t}, in
     * O(1) per step; the last observed value before the window when the window has none.
     */
    private static final class TrailingWindow {
        private final double[] y;
        private final int w;
        private int origin;
        private double sum;
        private int count;
        private double lastObserved = Double.NaN;

        TrailingWindow(double[] y, int w) {
            this.y = y;
            this.w = w;
        }

        void advanceTo(int t) {
            while (origin < t) {
                if (origin % w == 0) {
                    resum();
                }
                double entering = y[origin];
                if (!Double.isNaN(entering)) {
                    sum += entering;
                    count++;
                }
                int leavingIndex = origin - w;
                if (leavingIndex >= 0) {
                    double leaving = y[leavingIndex];
                    if (!Double.isNaN(leaving)) {
                        sum -= leaving;
                        count--;
                        lastObserved = leaving;
                    }
                }
                origin++;
            }
        }

        /**
         * Recomputes the running sum once per window length, so that rounding drift stays bounded
         * (a constant series keeps an exact mean) at amortised O(1) per step.
         */
        private void resum() {
            sum = 0;
            count = 0;
            for (int i = Math.max(0, origin - w); i < origin; i++) {
                if (!Double.isNaN(y[i])) {
                    sum += y[i];
                    count++;
                }
            }
        }

        /** NaN only when nothing has been observed before the origin. */
        double value() {
            return count > 0 ? sum / count : lastObserved;
        }
    }

    @Override
    public String toString() {
        return name() + "(" + window + ")";
    }
}
