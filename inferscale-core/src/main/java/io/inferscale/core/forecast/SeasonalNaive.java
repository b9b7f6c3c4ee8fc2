package io.inferscale.core.forecast;

import java.time.Duration;

/**
 * Seasonal naive: the forecast for a step is the value observed one season earlier (a day or a
 * week), or whole seasons earlier for steps more than a season ahead. Its quantiles come from the
 * empirical distribution of its in-sample errors {@code y[t] - y[t - season]} on the training
 * series; that error does not depend on the horizon (every step up to a season ahead looks back
 * exactly one season), so one distribution serves all steps.
 *
 * <p>Missing values: a training pair with either side missing is skipped. At forecast time a
 * missing value one season back is replaced by the same phase one more season back, and so on; if
 * {@code recent} has no observation at that phase at all, the mean of the observed values of the
 * last season stands in. Missing data is never read as zero.
 */
public final class SeasonalNaive implements DemandForecaster {

    private final String name;
    private final Duration season;
    private Duration fittedStep;
    private ResidualQuantiles errors;

    /**
     * @param name the forecaster's name
     * @param season the seasonal period; the series' step must divide it
     */
    public SeasonalNaive(String name, Duration season) {
        if (name == null
                || name.isBlank()
                || season == null
                || season.isZero()
                || season.isNegative()) {
            throw new IllegalArgumentException("a seasonal naive needs a name and a season > 0");
        }
        this.name = name;
        this.season = season;
    }

    /** The value one day earlier: {@code seasonal-naive-daily}. */
    public static SeasonalNaive daily() {
        return new SeasonalNaive("seasonal-naive-daily", Duration.ofDays(1));
    }

    /** The value one week earlier: {@code seasonal-naive-weekly}. */
    public static SeasonalNaive weekly() {
        return new SeasonalNaive("seasonal-naive-weekly", Duration.ofDays(7));
    }

    @Override
    public String name() {
        return name;
    }

    public Duration season() {
        return season;
    }

    @Override
    public void fit(DemandSeries history) {
        int m = ForecastArgs.stepsPer(season, history.step());
        double[] y = history.values();
        double[] residuals = new double[Math.max(0, y.length - m)];
        int count = 0;
        for (int t = m; t < y.length; t++) {
            if (!Double.isNaN(y[t]) && !Double.isNaN(y[t - m])) {
                residuals[count++] = y[t] - y[t - m];
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(
                    name
                            + " needs two observations one season ("
                            + season
                            + ") apart in the training series "
                            + history);
        }
        errors = ResidualQuantiles.single(residuals, count);
        fittedStep = history.step();
    }

    @Override
    public QuantileForecast forecast(DemandSeries recent, int horizon, double[] levels) {
        ForecastArgs.checkRequest(recent, horizon, levels);
        ForecastArgs.checkSameStep(name, fittedStep, recent.step());
        int m = ForecastArgs.stepsPer(season, recent.step());
        double[] y = recent.values();
        if (y.length < m) {
            throw new IllegalArgumentException(
                    name
                            + " needs at least one season ("
                            + m
                            + " steps) of history, got "
                            + y.length);
        }
        double[] point = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            point[h - 1] = seasonAgo(y, y.length - 1 + h, m);
        }
        return errors.around(recent.end(), recent.step(), point, levels);
    }

    /** The latest observed value at the same phase as index {@code target} (past the end). */
    private double seasonAgo(double[] y, int target, int m) {
        int seasonsBack = (target - y.length) / m + 1;
        for (int i = target - seasonsBack * m; i >= 0; i -= m) {
            if (!Double.isNaN(y[i])) {
                return y[i];
            }
        }
        return lastSeasonMean(y, m);
    }

    private double lastSeasonMean(double[] y, int m) {
        double sum = 0;
        int count = 0;
        for (int i = y.length - m; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                sum += y[i];
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(
                    name + ": no observation in the last season before the origin");
        }
        return sum / count;
    }

    @Override
    public String toString() {
        return name;
    }
}
