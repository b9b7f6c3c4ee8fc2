package io.inferscale.core.trace;

import java.time.Duration;

/**
 * How to replay a trace.
 *
 * @param scale request-rate factor (&gt; 0). Per-minute counts are multiplied by it (fractional
 *     counts are rounded at random, seeded); request-level traces (Azure, Mooncake) keep every
 *     request and divide arrival offsets by it.
 * @param seed seeds every random choice (jitter, rounding); the same file, options and seed replay
 *     identically
 * @param from first offset from the trace start to replay (inclusive), in unscaled trace time;
 *     null: from the start
 * @param to offset from the trace start to stop at (exclusive), in unscaled trace time; null: to
 *     the end
 */
public record TraceOptions(double scale, long seed, Duration from, Duration to) {

    public TraceOptions {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number > 0, was " + scale);
        }
        if (from != null && from.isNegative()) {
            throw new IllegalArgumentException("from must not be negative, was " + from);
        }
        if (to != null && to.isNegative()) {
            throw new IllegalArgumentException("to must not be negative, was " + to);
        }
        if (from != null && to != null && to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
    }

    /** Scale 1, seed 0, the whole trace. */
    public static TraceOptions defaults() {
        return new TraceOptions(1.0, 0L, null, null);
    }

    public TraceOptions withScale(double newScale) {
        return new TraceOptions(newScale, seed, from, to);
    }

    public TraceOptions withSeed(long newSeed) {
        return new TraceOptions(scale, newSeed, from, to);
    }

    public TraceOptions withWindow(Duration newFrom, Duration newTo) {
        return new TraceOptions(scale, seed, newFrom, newTo);
    }

    long fromNanos() {
        return from == null ? 0L : saturatedNanos(from);
    }

    long toNanos() {
        return to == null ? Long.MAX_VALUE : saturatedNanos(to);
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }
}
