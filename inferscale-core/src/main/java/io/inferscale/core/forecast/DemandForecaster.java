package io.inferscale.core.forecast;

/**
 * Forecasts demand from history (STYLE.md §4: a small plug point). The forecast service, the
 * evaluation CLI and the fleet simulator's predictive autoscaler all use forecasters through this
 * interface only.
 *
 * <p>Contract: {@link #fit} may be called again to retrain; {@link #forecast} sees only
 * observations up to its origin (the end of {@code recent}) - no peeking. Missing observations are
 * NaN and must not be read as zero.
 */
public interface DemandForecaster {
    /** A stable name, e.g. {@code trailing-mean}, {@code holt-winters}, {@code dnn}. */
    String name();

    /** Learns from a training series. Baselines without parameters may ignore it. */
    void fit(DemandSeries history);

    /**
     * Forecasts {@code horizon} steps after {@code recent.end()}, for the quantile levels given
     * (e.g. 0.5, 0.9).
     *
     * @param recent the most recent observations up to the forecast origin; long enough for the
     *     forecaster's lags (a weekly seasonal needs at least a week)
     */
    QuantileForecast forecast(DemandSeries recent, int horizon, double[] levels);
}
