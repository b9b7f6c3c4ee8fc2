package io.inferscale.core.forecast;

import java.time.Duration;

/**
 * Forecast accuracy measures over pairs of (actual, forecast). A pair with either side NaN (missing
 * data) is left out; a measure over no pairs at all is NaN.
 */
public final class ForecastMetrics {

    private ForecastMetrics() {}

    /**
     * The in-sample mean absolute error of the seasonal naive forecast {@code y[t - season]} on
     * {@code series}, skipping pairs with a missing side: the MASE denominator.
     */
    public static double seasonalNaiveMae(DemandSeries series, Duration season) {
        int m = ForecastArgs.stepsPer(season, series.step());
        double[] y = series.values();
        double sum = 0;
        int count = 0;
        for (int t = m; t < y.length; t++) {
            if (!Double.isNaN(y[t]) && !Double.isNaN(y[t - m])) {
                sum += Math.abs(y[t] - y[t - m]);
                count++;
            }
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    /**
     * The MASE scale used here: the daily seasonal naive's in-sample MAE on the training series.
     */
    public static double maseScale(DemandSeries train) {
        return seasonalNaiveMae(train, Duration.ofDays(1));
    }

    /**
     * Mean absolute scaled error: {@code mean |a - f| / scale}; below 1 beats the in-sample
     * seasonal naive. NaN when the scale is not positive (a series without daily variation).
     */
    public static double mase(double[] actual, double[] forecast, double scale) {
        checkLengths(actual, forecast);
        if (!(scale > 0)) {
            return Double.NaN;
        }
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i]) && !Double.isNaN(forecast[i])) {
                sum += Math.abs(actual[i] - forecast[i]);
                count++;
            }
        }
        return count > 0 ? sum / count / scale : Double.NaN;
    }

    /**
     * Symmetric mean absolute percentage error in percent, M4 style: {@code 200 / n * sum |a - f| /
     * (|a| + |f|)}, between 0 and 200. A pair with {@code a = f = 0} is a perfect forecast and
     * scores 0.
     */
    public static double smape(double[] actual, double[] forecast) {
        checkLengths(actual, forecast);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            double a = actual[i];
            double f = forecast[i];
            if (!Double.isNaN(a) && !Double.isNaN(f)) {
                double denominator = Math.abs(a) + Math.abs(f);
                sum += denominator == 0 ? 0 : Math.abs(a - f) / denominator;
                count++;
            }
        }
        return count > 0 ? 200 * sum / count : Double.NaN;
    }

    /**
     * Mean pinball (quantile) loss of forecasts {@code q} for quantile {@code level}: {@code level
     * * (a - q)} when under-forecast, {@code (1 - level) * (q - a)} when over; in the series'
     * units.
     */
    public static double pinball(double[] actual, double[] quantile, double level) {
        checkLengths(actual, quantile);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), was " + level);
        }
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i]) && !Double.isNaN(quantile[i])) {
                double diff = actual[i] - quantile[i];
                sum += diff >= 0 ? level * diff : (level - 1) * diff;
                count++;
            }
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    /**
     * The fraction of actuals at or below their upper-quantile forecast; a well calibrated p90
     * covers 0.9.
     */
    public static double coverage(double[] actual, double[] upper) {
        checkLengths(actual, upper);
        int covered = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i]) && !Double.isNaN(upper[i])) {
                if (actual[i] <= upper[i]) {
                    covered++;
                }
                count++;
            }
        }
        return count > 0 ? (double) covered / count : Double.NaN;
    }

    private static void checkLengths(double[] actual, double[] forecast) {
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException(
                    actual.length + " actuals but " + forecast.length + " forecasts");
        }
    }
}
