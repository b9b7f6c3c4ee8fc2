package io.inferscale.contracts;

/** Latency quantiles in milliseconds over some window. */
public record Quantiles(double p50, double p90, double p99) {
    public Quantiles {
        Validate.nonNegative(p50, "p50");
        Validate.nonNegative(p90, "p90");
        Validate.nonNegative(p99, "p99");
        if (p50 > p90 || p90 > p99) {
            throw new InvalidEventException(
                    "quantiles must be ordered p50 <= p90 <= p99, were "
                            + p50
                            + ", "
                            + p90
                            + ", "
                            + p99);
        }
    }
}
