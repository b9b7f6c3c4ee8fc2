package io.inferscale.collector.domain.scrape;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cumulative Prometheus histogram as scraped: ascending upper bounds (the last one {@code +Inf}
 * when the server wrote it) with the cumulative count at each. Several series of one family (vLLM
 * V1's engines, Triton's models) are summed by {@code le}, as PromQL's {@code sum by (le)} would.
 */
public final class Histogram {
    private final double[] upperBounds;
    private final double[] cumulative;
    private final double sum;
    private final double count;

    public Histogram(double[] upperBounds, double[] cumulative, double sum, double count) {
        if (upperBounds.length != cumulative.length) {
            throw new IllegalArgumentException("one cumulative count per upper bound");
        }
        for (int i = 1; i < upperBounds.length; i++) {
            if (!(upperBounds[i] > upperBounds[i - 1])) {
                throw new IllegalArgumentException("upper bounds must ascend");
            }
        }
        this.upperBounds = upperBounds.clone();
        this.cumulative = cumulative.clone();
        this.sum = sum;
        this.count = count;
    }

    /** The family's histogram over the selected series; null when it has no bucket samples. */
    public static Histogram of(Exposition exposition, String family, SeriesSelector selector) {
        List<Sample> buckets = selector.select(exposition.samples(family + "_bucket"));
        if (buckets.isEmpty()) {
            return null;
        }
        Map<Double, Double> byBound = new TreeMap<>();
        for (Sample b : buckets) {
            Double le = TextFormatNumbers.tryParse(b.label("le"));
            if (le != null && !Double.isNaN(le) && !Double.isNaN(b.value())) {
                byBound.merge(le, b.value(), Double::sum);
            }
        }
        if (byBound.isEmpty()) {
            return null;
        }
        double[] bounds = new double[byBound.size()];
        double[] counts = new double[byBound.size()];
        int i = 0;
        for (Map.Entry<Double, Double> e : byBound.entrySet()) {
            bounds[i] = e.getKey();
            counts[i++] = e.getValue();
        }
        double total = counts[counts.length - 1];
        return new Histogram(
                bounds,
                counts,
                Gauges.sum(exposition, family + "_sum", selector, Double.NaN),
                Gauges.sum(exposition, family + "_count", selector, total));
    }

    public double[] upperBounds() {
        return upperBounds.clone();
    }

    public double[] cumulative() {
        return cumulative.clone();
    }

    /** The sum of observations; NaN when the server wrote no {@code _sum}. */
    public double sum() {
        return sum;
    }

    public double count() {
        return count;
    }

    boolean sameLayout(Histogram other) {
        return Arrays.equals(upperBounds, other.upperBounds);
    }

    /**
     * The observations made between {@code previous} and this scrape. A counter reset (the replica
     * restarted: any bucket or the count went down) or a changed bucket layout means everything in
     * this scrape happened since the reset, as PromQL's {@code increase} assumes.
     */
    public Histogram since(Histogram previous) {
        if (!sameLayout(previous) || count < previous.count) {
            return this;
        }
        double[] delta = new double[cumulative.length];
        for (int i = 0; i < cumulative.length; i++) {
            delta[i] = cumulative[i] - previous.cumulative[i];
            if (delta[i] < 0) {
                return this;
            }
        }
        return new Histogram(upperBounds, delta, sum - previous.sum, count - previous.count);
    }

    /**
     * The {@code q}-quantile by linear interpolation within the bucket that holds it, the way
     * PromQL's {@code histogram_quantile} estimates it (the first bucket starts at 0; a rank in the
     * {@code +Inf} bucket yields the highest finite bound). Null when there are no observations or
     * no {@code +Inf} bucket, since then the rank cannot be placed.
     */
    public Double quantile(double q) {
        int n = upperBounds.length;
        if (n < 2 || upperBounds[n - 1] != Double.POSITIVE_INFINITY) {
            return null;
        }
        // Scrapes are not atomic: a bucket read a moment later may exceed the next one.
        double[] counts = cumulative.clone();
        for (int i = 1; i < n; i++) {
            counts[i] = Math.max(counts[i], counts[i - 1]);
        }
        double total = counts[n - 1];
        if (!(total > 0)) {
            return null;
        }
        double rank = q * total;
        int b = 0;
        while (b < n - 1 && counts[b] < rank) {
            b++;
        }
        if (b == n - 1) {
            return upperBounds[n - 2];
        }
        double start = 0;
        double below = 0;
        if (b > 0) {
            start = upperBounds[b - 1];
            below = counts[b - 1];
        } else if (upperBounds[0] <= 0) {
            return upperBounds[0];
        }
        double inBucket = counts[b] - below;
        return start + (upperBounds[b] - start) * ((rank - below) / inBucket);
    }

    @Override
    public String toString() {
        return "Histogram"
                + Arrays.toString(upperBounds)
                + Arrays.toString(cumulative)
                + " sum="
                + sum
                + " count="
                + count;
    }
}
