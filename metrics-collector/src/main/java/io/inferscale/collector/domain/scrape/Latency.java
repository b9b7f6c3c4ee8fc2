package io.inferscale.collector.domain.scrape;

import io.inferscale.contracts.Quantiles;

/** Latency signals from the change in a histogram between two scrapes of one target. */
public final class Latency {
    private Latency() {}

    /**
     * p50/p90/p99 of the observations between {@code previous} and {@code current}, times {@code
     * toMillis}. Null on a first scrape, when nothing was observed in between, or when the server
     * lacks the histogram: a quantile of nothing is unknown, not zero.
     */
    public static Quantiles quantiles(Histogram previous, Histogram current, double toMillis) {
        if (previous == null || current == null) {
            return null;
        }
        Histogram delta = current.since(previous);
        Double p50 = delta.quantile(0.5);
        Double p90 = delta.quantile(0.9);
        Double p99 = delta.quantile(0.99);
        if (p50 == null || p90 == null || p99 == null || p50 < 0) {
            return null;
        }
        return new Quantiles(p50 * toMillis, p90 * toMillis, p99 * toMillis);
    }

    /** The mean observation between two scrapes from {@code _sum} and {@code _count}, or null. */
    public static Double mean(Histogram previous, Histogram current, double toMillis) {
        if (previous == null || current == null) {
            return null;
        }
        Histogram delta = current.since(previous);
        if (!(delta.count() > 0) || Double.isNaN(delta.sum())) {
            return null;
        }
        return delta.sum() / delta.count() * toMillis;
    }
}
