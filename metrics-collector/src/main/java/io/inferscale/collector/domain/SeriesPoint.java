package io.inferscale.collector.domain;

import java.time.Instant;

/**
 * One bucket of a model's series. Latency quantiles are null for buckets without completed
 * requests: no data is not zero latency. {@code arrivals}, {@code inFlight} and {@code lateRecords}
 * come from the demand rollups and are null in buckets served from raw rows.
 */
public record SeriesPoint(
        Instant start,
        long requests,
        long errors,
        Double latencyP50Ms,
        Double latencyP90Ms,
        Double latencyP99Ms,
        Double ttftP50Ms,
        Double ttftP90Ms,
        long promptTokens,
        long outputTokens,
        Long arrivals,
        Double inFlight,
        Long lateRecords) {}
