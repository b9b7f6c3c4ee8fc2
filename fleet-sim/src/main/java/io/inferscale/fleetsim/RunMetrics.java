package io.inferscale.fleetsim;

import org.HdrHistogram.Histogram;

/**
 * Per-request outcomes of one run: counters, SLO attainment and the latency and TTFT distributions
 * (HdrHistogram in microseconds, 3 significant digits, reported in milliseconds; means are exact).
 */
final class RunMetrics {

    private static final long NANOS_PER_MICRO = 1_000;

    private final long sloTtftNanos;
    private final long sloLatencyNanos;
    private final Histogram latency = new Histogram(3);
    private final Histogram ttft = new Histogram(3);
    private double latencySumNanos;
    private double ttftSumNanos;
    long requests;
    long completed;
    long dropped;
    long failed;
    long sloMet;

    /**
     * @param sloTtftNanos TTFT objective, {@link Long#MAX_VALUE} for none
     * @param sloLatencyNanos end-to-end objective, {@link Long#MAX_VALUE} for none
     */
    RunMetrics(long sloTtftNanos, long sloLatencyNanos) {
        this.sloTtftNanos = sloTtftNanos;
        this.sloLatencyNanos = sloLatencyNanos;
    }

    void completed(long latencyNanos, long ttftNanos) {
        completed++;
        latencySumNanos += latencyNanos;
        ttftSumNanos += ttftNanos;
        latency.recordValue(latencyNanos / NANOS_PER_MICRO);
        ttft.recordValue(ttftNanos / NANOS_PER_MICRO);
        if (ttftNanos <= sloTtftNanos && latencyNanos <= sloLatencyNanos) {
            sloMet++;
        }
    }

    /** Share of all requests (dropped and failed ones count as misses) that met every SLO. */
    double sloAttainment() {
        return requests == 0 ? 1.0 : sloMet / (double) requests;
    }

    RunResult.Distribution latencyMs() {
        return summary(latency, latencySumNanos);
    }

    RunResult.Distribution ttftMs() {
        return summary(ttft, ttftSumNanos);
    }

    private RunResult.Distribution summary(Histogram h, double sumNanos) {
        if (completed == 0) {
            return RunResult.Distribution.EMPTY;
        }
        return new RunResult.Distribution(
                sumNanos / completed / 1e6,
                h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3);
    }
}
