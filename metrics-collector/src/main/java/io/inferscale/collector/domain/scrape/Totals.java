package io.inferscale.collector.domain.scrape;

/**
 * A pair of cumulative counters: a total time and the number of requests it covers (Triton's {@code
 * nv_inference_request_duration_us} over {@code nv_inference_request_success}, TorchServe's {@code
 * ts_inference_latency_microseconds} over {@code ts_inference_requests_total}).
 */
public record Totals(double sum, double count) {

    /** The pair from two counter families, or null when either is missing. */
    static Totals of(Exposition e, String sumName, String countName, SeriesSelector selector) {
        Double sum = Gauges.sum(e, sumName, selector);
        Double count = Gauges.sum(e, countName, selector);
        return sum == null || count == null ? null : new Totals(sum, count);
    }

    /**
     * The mean per request between {@code previous} and now, times {@code scale} (e.g. 0.001 for
     * microseconds to milliseconds). Null on the first scrape and when no request completed in
     * between: the mean of nothing is unknown, not zero. A counter that went down means the server
     * restarted, so everything counted now happened since then.
     */
    public Double meanSince(Totals previous, double scale) {
        if (previous == null) {
            return null;
        }
        double dSum = sum - previous.sum;
        double dCount = count - previous.count;
        if (dSum < 0 || dCount < 0) {
            dSum = sum;
            dCount = count;
        }
        if (!(dCount > 0) || Double.isNaN(dSum)) {
            return null;
        }
        return dSum / dCount * scale;
    }
}
