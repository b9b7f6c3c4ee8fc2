package io.inferscale.forecast.domain;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.contracts.EventMeta;
import io.inferscale.core.forecast.QuantileForecast;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a forecast of arrivals per step into the {@code forecasts} event: a rate per second (what
 * the scaler divides by per-replica capacity), clamped at zero, with the serving version and the
 * input's freshness.
 */
public final class ForecastEvents {
    public static final String METRIC = DemandForecast.REQUESTS_PER_SECOND;

    /** LLM models also get this: the request forecast times output tokens per request. */
    public static final String TOKENS_METRIC = DemandForecast.OUTPUT_TOKENS_PER_SECOND;

    /** Every metric the service publishes. */
    public static final List<String> METRICS = List.of(METRIC, TOKENS_METRIC);

    /** Marks the forecaster name of a token forecast derived from a request forecast. */
    static final String TOKENS_SUFFIX = "*output-tokens-per-request";

    private ForecastEvents() {}

    /**
     * @param problems reasons besides the input's own (e.g. no trained version yet); the event is
     *     degraded if there is any reason at all
     */
    public static DemandForecast of(
            EventMeta meta,
            String model,
            QuantileForecast forecast,
            String forecaster,
            String modelVersion,
            InputFreshness freshness,
            List<String> problems) {
        double perSecond = 1.0 / forecast.step().toSeconds();
        double[] levels = forecast.levels();
        List<io.inferscale.contracts.QuantileForecast> quantiles = new ArrayList<>();
        for (double level : levels) {
            List<Double> values = new ArrayList<>(forecast.horizon());
            for (int h = 1; h <= forecast.horizon(); h++) {
                double v = forecast.at(level, h);
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException(
                            forecaster + " forecast " + v + " at step " + h + " for " + model);
                }
                values.add(Math.max(0.0, v) * perSecond);
            }
            quantiles.add(new io.inferscale.contracts.QuantileForecast(level, values));
        }
        List<String> all = new ArrayList<>(freshness.problems());
        all.addAll(problems);
        return new DemandForecast(
                meta,
                model,
                METRIC,
                forecast.origin(),
                Math.toIntExact(forecast.step().toSeconds()),
                quantiles,
                forecaster,
                modelVersion,
                freshness.inputAge().toMillis(),
                !all.isEmpty(),
                all.isEmpty() ? null : String.join("; ", all));
    }

    /**
     * The output-token-rate forecast that goes with a request-rate one: every quantile scaled by
     * {@code tokensPerRequest} (scaling by a positive constant keeps quantiles quantiles), the same
     * origin, horizon, version and freshness, so that a reader can pair the two by origin.
     */
    public static DemandForecast tokens(
            EventMeta meta, DemandForecast requests, double tokensPerRequest) {
        if (!METRIC.equals(requests.metric())) {
            throw new IllegalArgumentException("not a request-rate forecast: " + requests.metric());
        }
        if (!(tokensPerRequest > 0) || !Double.isFinite(tokensPerRequest)) {
            throw new IllegalArgumentException("tokensPerRequest must be > 0: " + tokensPerRequest);
        }
        List<io.inferscale.contracts.QuantileForecast> quantiles = new ArrayList<>();
        for (io.inferscale.contracts.QuantileForecast q : requests.quantiles()) {
            List<Double> values = new ArrayList<>(q.values().size());
            for (double v : q.values()) {
                values.add(v * tokensPerRequest);
            }
            quantiles.add(new io.inferscale.contracts.QuantileForecast(q.quantile(), values));
        }
        return new DemandForecast(
                meta,
                requests.model(),
                TOKENS_METRIC,
                requests.origin(),
                requests.stepSeconds(),
                quantiles,
                requests.forecaster() + TOKENS_SUFFIX,
                requests.modelVersion(),
                requests.inputAgeMs(),
                requests.degraded(),
                requests.degradedReason());
    }
}
