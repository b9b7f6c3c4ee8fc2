package io.inferscale.collector.domain.window;

import java.time.Duration;
import java.util.List;

/**
 * How demand is windowed. Validated here rather than in the Spring properties so that the engine,
 * its tests and the benchmark all refuse the same nonsense.
 *
 * @param sizes window lengths, whole seconds; one of them must be {@link #ROLLUP} because the
 *     per-minute rollups are cut from those windows
 * @param allowedLateness how long after its end a window waits for stragglers before it closes.
 *     Telemetry is sent when a request finishes, so a request longer than this has its arrival
 *     counted as late in the short windows: size it to the p99 request duration
 * @param idleTimeout after a model's last record, empty windows are emitted for this long (so
 *     consumers see demand fall to zero rather than stop), then its state is dropped
 * @param maxClockSkew how far a record's event time may lie ahead of its arrival; beyond it the
 *     record is counted as late instead of opening windows in the future
 */
public record WindowSettings(
        List<Duration> sizes,
        Duration allowedLateness,
        Duration idleTimeout,
        Duration maxClockSkew) {

    /** The window length the per-minute rollups are cut from. */
    public static final Duration ROLLUP = Duration.ofMinutes(1);

    public WindowSettings {
        if (sizes == null || sizes.isEmpty()) {
            throw new IllegalArgumentException("sizes: at least one window size is required");
        }
        for (Duration size : sizes) {
            if (size == null || size.toMillis() < 1000 || size.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException(
                        "sizes: each window must be a whole number of seconds, was " + size);
            }
        }
        if (sizes.stream().distinct().count() != sizes.size()) {
            throw new IllegalArgumentException("sizes: must be distinct, were " + sizes);
        }
        if (!sizes.contains(ROLLUP)) {
            throw new IllegalArgumentException(
                    "sizes: must include " + ROLLUP + " (the rollups are cut from it)");
        }
        requireNonNegative(allowedLateness, "allowedLateness");
        requireNonNegative(idleTimeout, "idleTimeout");
        requireNonNegative(maxClockSkew, "maxClockSkew");
        sizes = sizes.stream().sorted().toList();
    }

    public static WindowSettings defaults() {
        return new WindowSettings(
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60)),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10));
    }

    public Duration largest() {
        return sizes.get(sizes.size() - 1);
    }

    /**
     * A window closes {@code largest + allowedLateness} after it starts, so that is how far before
     * the watermark the oldest open window can start. Whoever takes over a shard rebuilds every
     * window from {@code watermark - openSpan()} on.
     */
    public Duration openSpan() {
        return largest().plus(allowedLateness);
    }

    /**
     * A record can belong to a window that starts up to {@code maxClockSkew} after the record
     * arrived, so rebuilding windows from a horizon re-reads the input from this much earlier.
     */
    public Duration replayLead() {
        return maxClockSkew;
    }

    private static void requireNonNegative(Duration d, String field) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(field + ": must be >= 0, was " + d);
        }
    }
}
