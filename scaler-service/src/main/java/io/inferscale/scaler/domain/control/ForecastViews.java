package io.inferscale.scaler.domain.control;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.contracts.QuantileForecast;
import io.inferscale.core.scaling.hybrid.ForecastView;
import java.util.List;

/**
 * Turns the {@code forecasts} events of one model into what the hybrid decider reads: the request
 * rate's p90, and the output-token rate's p90 when a token forecast for the same origin came too
 * (LLM models; it is what a policy with a tokens/s target provisions on).
 */
public final class ForecastViews {
    /** The quantile the predictive term provisions for. */
    static final double P90 = 0.9;

    public static final String REQUEST_RATE = DemandForecast.REQUESTS_PER_SECOND;
    public static final String TOKEN_RATE = DemandForecast.OUTPUT_TOKENS_PER_SECOND;

    private ForecastViews() {}

    /**
     * @return null when the event does not forecast the request rate or has no p90 (the decider
     *     then has no forecast and stays reactive)
     */
    public static ForecastView of(DemandForecast requests) {
        return of(requests, null);
    }

    /**
     * @param tokens the latest token-rate forecast, or null; used only when it belongs to the same
     *     forecast (origin, step and horizon) and is not degraded, else the view has requests only
     * @return null when {@code requests} is null, not a request-rate forecast or has no p90
     */
    public static ForecastView of(DemandForecast requests, DemandForecast tokens) {
        if (requests == null || !REQUEST_RATE.equals(requests.metric())) {
            return null;
        }
        double[] p90 = p90(requests);
        if (p90 == null) {
            return null;
        }
        return new ForecastView(
                EpochNanos.of(requests.origin()),
                requests.stepSeconds() * 1_000_000_000L,
                p90,
                pairedTokens(requests, tokens),
                requests.forecaster()
                        + (requests.modelVersion() == null ? "" : "@" + requests.modelVersion()),
                requests.degraded(),
                requests.degradedReason());
    }

    private static double[] pairedTokens(DemandForecast requests, DemandForecast tokens) {
        if (tokens == null
                || !TOKEN_RATE.equals(tokens.metric())
                || tokens.degraded()
                || !tokens.origin().equals(requests.origin())
                || tokens.stepSeconds() != requests.stepSeconds()
                || tokens.horizonSteps() != requests.horizonSteps()) {
            return null;
        }
        return p90(tokens);
    }

    private static double[] p90(DemandForecast f) {
        List<Double> values = null;
        for (QuantileForecast q : f.quantiles()) {
            if (Math.abs(q.quantile() - P90) < 1e-9) {
                values = q.values();
            }
        }
        return values == null ? null : values.stream().mapToDouble(v -> Math.max(0, v)).toArray();
    }
}
