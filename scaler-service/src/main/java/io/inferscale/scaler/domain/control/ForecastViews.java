package io.inferscale.scaler.domain.control;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.contracts.QuantileForecast;
import io.inferscale.core.scaling.hybrid.ForecastView;
import java.util.List;

/** Turns a {@code forecasts} event into what the hybrid decider reads. */
public final class ForecastViews {
    /** The quantile the predictive term provisions for. */
    static final double P90 = 0.9;

    static final String REQUEST_RATE = "requests_per_second";

    private ForecastViews() {}

    /**
     * @return null when the event does not forecast the request rate or has no p90 (the decider
     *     then has no forecast and stays reactive)
     */
    public static ForecastView of(DemandForecast f) {
        if (!REQUEST_RATE.equals(f.metric())) {
            return null;
        }
        List<Double> p90 = null;
        for (QuantileForecast q : f.quantiles()) {
            if (Math.abs(q.quantile() - P90) < 1e-9) {
                p90 = q.values();
            }
        }
        if (p90 == null) {
            return null;
        }
        double[] values = p90.stream().mapToDouble(v -> Math.max(0, v)).toArray();
        return new ForecastView(
                EpochNanos.of(f.origin()),
                f.stepSeconds() * 1_000_000_000L,
                values,
                null,
                f.forecaster() + (f.modelVersion() == null ? "" : "@" + f.modelVersion()),
                f.degraded(),
                f.degradedReason());
    }
}
