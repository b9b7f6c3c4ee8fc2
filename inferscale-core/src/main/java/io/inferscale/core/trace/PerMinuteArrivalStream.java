package io.inferscale.core.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-minute counts replayed as individual arrivals. Each minute's (scaled) count is rounded at
 * random to a whole number with the right expectation, and that many arrivals are placed as uniform
 * order statistics inside the minute, which is a Poisson process conditioned on the count. Missing
 * minutes produce nothing and are reported as gaps. Requests carry no sizes (0 tokens): the caller
 * draws them.
 */
final class PerMinuteArrivalStream extends LookaheadArrivalStream {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    /**
     * A minute's arrivals are sorted in one buffer; past this, memory (8 bytes each) is the
     * problem, not speed.
     */
    static final long MAX_PER_MINUTE = 1L << 27;

    private final PerMinuteSeries series;
    private final long seed;
    private final long fromNanos;
    private final long toNanos;
    private final int endMinute;
    private int minute;
    private long minuteOffset;
    private final SortedUniforms uniforms = new SortedUniforms();
    private long[] buffer = new long[1024];
    private int bufferPos;
    private int bufferSize;

    PerMinuteArrivalStream(PerMinuteSeries series, TraceOptions options) {
        this.series = series;
        this.seed = options.seed();
        this.fromNanos = options.fromNanos();
        this.toNanos = options.toNanos();
        this.minute = (int) Math.min(series.size(), fromNanos / MINUTE_NANOS);
        long endExclusive =
                toNanos == Long.MAX_VALUE ? Long.MAX_VALUE : (toNanos - 1) / MINUTE_NANOS + 1;
        this.endMinute = (int) Math.min(series.size(), endExclusive);
    }

    @Override
    public Instant traceStart() {
        return series.start();
    }

    @Override
    public List<TraceGap> gaps() {
        Duration from = Duration.ofNanos(fromNanos);
        Duration to = Duration.ofNanos(toNanos);
        List<TraceGap> clipped = new ArrayList<>();
        for (TraceGap gap : series.gaps()) {
            Duration start = gap.from().compareTo(from) < 0 ? from : gap.from();
            Duration end = gap.to().compareTo(to) > 0 ? to : gap.to();
            if (start.compareTo(end) < 0) {
                clipped.add(new TraceGap(start, end));
            }
        }
        return clipped;
    }

    @Override
    protected TraceRequest fetch() {
        while (true) {
            while (bufferPos < bufferSize) {
                long arrival = minuteOffset + buffer[bufferPos++];
                if (arrival >= toNanos) {
                    bufferPos = bufferSize;
                    minute = endMinute;
                    return null;
                }
                if (arrival >= fromNanos) {
                    return new TraceRequest(arrival, 0, 0, TraceRequest.NO_HASHES);
                }
            }
            if (minute >= endMinute) {
                return null;
            }
            fillMinute(minute++);
        }
    }

    private void fillMinute(int index) {
        bufferPos = 0;
        bufferSize = 0;
        minuteOffset = index * MINUTE_NANOS;
        if (series.isMissing(index)) {
            return;
        }
        double expected = series.count(index);
        SplittableRandom random = Seeds.forKey(seed, index);
        double whole = Math.floor(expected);
        long count = (long) whole + (random.nextDouble() < expected - whole ? 1 : 0);
        if (count > MAX_PER_MINUTE) {
            throw new IllegalArgumentException(
                    "minute "
                            + index
                            + " would hold "
                            + count
                            + " arrivals, more than "
                            + MAX_PER_MINUTE
                            + "; lower the scale");
        }
        if (count > buffer.length) {
            buffer = new long[(int) Math.max(count, Math.min(MAX_PER_MINUTE, buffer.length * 2L))];
        }
        int n = (int) count;
        uniforms.fill(random, buffer, n, MINUTE_NANOS);
        bufferSize = n;
    }

    @Override
    public void close() {
        // The series is in memory; nothing to release.
    }
}
