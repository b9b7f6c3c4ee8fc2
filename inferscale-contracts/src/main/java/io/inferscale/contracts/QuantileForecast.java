package io.inferscale.contracts;

import java.util.List;

/** One quantile of a forecast: {@code values.get(h)} is the forecast h+1 steps after the origin. */
public record QuantileForecast(double quantile, List<Double> values) {
    public QuantileForecast {
        if (!(quantile > 0 && quantile < 1)) {
            throw new InvalidEventException("quantile must be within (0, 1), was " + quantile);
        }
        Validate.notEmpty(values, "values");
        values = List.copyOf(values);
        for (Double v : values) {
            Validate.notNull(v, "values[]");
            if (v.isNaN() || v.isInfinite()) {
                throw new InvalidEventException("values[] must be finite");
            }
        }
    }
}
