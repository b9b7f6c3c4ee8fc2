package io.inferscale.forecast.training;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.QuantileForecast;

/**
 * The serving version as it serves: the backtest's {@code fit} leaves it alone, so the round scores
 * exactly what would keep serving.
 */
final class FrozenForecaster implements DemandForecaster {
    private final DemandForecaster served;

    FrozenForecaster(DemandForecaster served) {
        this.served = served;
    }

    @Override
    public String name() {
        return served.name();
    }

    @Override
    public void fit(DemandSeries history) {
        // Already fitted on data before its own backtest window, i.e. before this one.
    }

    @Override
    public QuantileForecast forecast(DemandSeries recent, int horizon, double[] levels) {
        return served.forecast(recent, horizon, levels);
    }
}
