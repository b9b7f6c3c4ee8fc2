package io.inferscale.forecast.domain;

import java.time.Instant;

/** One stored demand window, as the forecasters and the API see it. */
public record DemandPoint(
        Instant windowStart,
        int windowSeconds,
        long arrivals,
        long errors,
        long promptTokens,
        long outputTokens) {

    public double arrivalsPerSecond() {
        return arrivals / (double) windowSeconds;
    }
}
