package io.inferscale.collector.domain.window;

import io.inferscale.contracts.Quantiles;
import java.util.ArrayDeque;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Recycles latency histograms between windows, so the steady state allocates none. Values are
 * recorded in tenths of a millisecond (exact below 25.6 ms, where TTFTs live) with two significant
 * digits, which keeps quantiles within 1% and one histogram around 6 KB for minute-long requests.
 * Packed (sparse) histograms would be smaller still but measured ten times slower to record into.
 */
final class HistogramPool {
    private static final int SIGNIFICANT_DIGITS = 2;
    private static final double UNITS_PER_MS = 10.0;
    private final ArrayDeque<AbstractHistogram> free = new ArrayDeque<>();

    AbstractHistogram take() {
        AbstractHistogram h = free.poll();
        return h != null ? h : new IntCountsHistogram(SIGNIFICANT_DIGITS);
    }

    void release(AbstractHistogram h) {
        if (h != null) {
            h.reset();
            free.push(h);
        }
    }

    static void record(AbstractHistogram h, double ms) {
        h.recordValue(Math.round(ms * UNITS_PER_MS));
    }

    static Quantiles quantiles(AbstractHistogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return null;
        }
        return new Quantiles(
                h.getValueAtPercentile(50) / UNITS_PER_MS,
                h.getValueAtPercentile(90) / UNITS_PER_MS,
                h.getValueAtPercentile(99) / UNITS_PER_MS);
    }
}
