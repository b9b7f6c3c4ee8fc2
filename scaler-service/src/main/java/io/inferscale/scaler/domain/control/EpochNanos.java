package io.inferscale.scaler.domain.control;

import java.time.Instant;

/**
 * The decider's clock in the service: nanoseconds since the epoch, so that event times from Kafka
 * (demand windows, scrapes, forecast origins) and the loop's own clock are on one axis.
 */
public final class EpochNanos {
    private EpochNanos() {}

    public static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
