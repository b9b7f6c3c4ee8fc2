package io.inferscale.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A quantile forecast of one model's demand (topic {@code forecasts}). A degraded forecast says why
 * (stale input, gaps) so the scaler falls back to reactive scaling instead of trusting numbers made
 * from missing data.
 *
 * @param metric what is forecast: {@link #REQUESTS_PER_SECOND} or {@link #OUTPUT_TOKENS_PER_SECOND}
 * @param origin the last instant of observed data the forecast starts from
 * @param inputAgeMs how old the newest input datum was when the forecast was made
 */
public record DemandForecast(
        EventMeta meta,
        String model,
        String metric,
        Instant origin,
        int stepSeconds,
        List<QuantileForecast> quantiles,
        String forecaster,
        String modelVersion,
        long inputAgeMs,
        boolean degraded,
        String degradedReason)
        implements InferScaleEvent {

    public static final int SCHEMA_VERSION = 1;

    /** {@code metric} of a request-rate forecast (every model). */
    public static final String REQUESTS_PER_SECOND = "requests_per_second";

    /** {@code metric} of an output-token-rate forecast (LLM models). */
    public static final String OUTPUT_TOKENS_PER_SECOND = "output_tokens_per_second";

    public DemandForecast {
        Validate.notNull(meta, "meta");
        Validate.model(model);
        Validate.notBlank(metric, "metric");
        Validate.notNull(origin, "origin");
        Validate.positive(stepSeconds, "stepSeconds");
        Validate.notEmpty(quantiles, "quantiles");
        quantiles = List.copyOf(quantiles);
        int horizon = quantiles.get(0).values().size();
        for (QuantileForecast q : quantiles) {
            if (q.values().size() != horizon) {
                throw new InvalidEventException("quantiles must all have the same horizon");
            }
        }
        Validate.notBlank(forecaster, "forecaster");
        Validate.nonNegative(inputAgeMs, "inputAgeMs");
        if (degraded) {
            Validate.notBlank(degradedReason, "degradedReason");
        }
    }

    public int horizonSteps() {
        return quantiles.get(0).values().size();
    }
}
