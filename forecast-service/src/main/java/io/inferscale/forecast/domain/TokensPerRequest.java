package io.inferscale.forecast.domain;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Output tokens per arriving request over a recent window: what turns a request-rate forecast into
 * an output-token-rate forecast for an LLM model (docs/adr/0010-token-rate-forecasts.md). Over an
 * hour of requests the ratio is far steadier than the per-minute token counts themselves, so one
 * forecaster (the serving version, trained and backtested on arrivals) serves both metrics.
 *
 * <p>Tokens are counted when a request finishes and arrivals when it starts; over a window much
 * longer than a request the two line up. A model whose requests report no output tokens (a non-LLM
 * model, or replicas that return no {@code usage}) has no ratio, and gets no token forecast.
 */
public final class TokensPerRequest {
    /** Fewer requests than this make the ratio a guess: no token forecast then. */
    public static final long MIN_REQUESTS = 10;

    private TokensPerRequest() {}

    /**
     * @param points stored windows, any order; those starting before {@code from} are ignored
     * @return output tokens per request over the windows from {@code from} on; empty with fewer
     *     than {@link #MIN_REQUESTS} arrivals or no output tokens at all
     */
    public static OptionalDouble since(List<DemandPoint> points, Instant from) {
        long arrivals = 0;
        long tokens = 0;
        for (DemandPoint p : points) {
            if (!p.windowStart().isBefore(from)) {
                arrivals += p.arrivals();
                tokens += p.outputTokens();
            }
        }
        if (arrivals < MIN_REQUESTS || tokens == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(tokens / (double) arrivals);
    }
}
