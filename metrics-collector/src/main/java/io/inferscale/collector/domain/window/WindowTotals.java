package io.inferscale.collector.domain.window;

import io.inferscale.contracts.Quantiles;

/**
 * What one window saw. Arrivals are counted by when requests started, everything else by when they
 * finished; quantiles are null when nothing finished, because no data is not zero latency.
 *
 * @param ttftSamples how many completions reported a time to first token (weights for rollups)
 * @param inFlight the time-average number of requests in progress: each request's overlap with the
 *     window, summed, over the window's length (Little's law)
 * @param lateRecords records that arrived after a window they belonged to had closed, counted in
 *     the window that was open when they arrived
 */
public record WindowTotals(
        long arrivals,
        long completions,
        long errors,
        long promptTokens,
        long outputTokens,
        Quantiles latencyMs,
        Quantiles ttftMs,
        long ttftSamples,
        double inFlight,
        long lateRecords) {

    public static final WindowTotals EMPTY = new WindowTotals(0, 0, 0, 0, 0, null, null, 0, 0.0, 0);
}
