package io.inferscale.forecast.serving;

import io.inferscale.core.forecast.DemandForecaster;
import java.time.Instant;

/** A fitted version that serves a model's forecasts. */
public record ServingModel(
        long versionId, int version, String forecaster, DemandForecaster instance, Instant since) {

    /** The {@code modelVersion} of the events it makes. */
    public String label() {
        return "v" + version;
    }

    /** The id the promotion rule knows it by, e.g. {@code dnn@v12}. */
    public String key() {
        return forecaster + "@" + label();
    }
}
