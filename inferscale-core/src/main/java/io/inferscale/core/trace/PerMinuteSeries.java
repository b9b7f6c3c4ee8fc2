package io.inferscale.core.trace;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Requests per minute, for forecasting: minute {@code i} starts at {@code start + i * 60 s}. A
 * missing minute (recorder outage, or absent from the file) has count NaN and {@code missing[i]}:
 * missing data is not zero demand, and NaN makes code that forgets to check fail loudly instead of
 * learning a false dip.
 *
 * @param start start of minute 0
 * @param localOffset the file's local UTC offset (first row's, UTC when the file has only Unix
 *     times), for time-of-day features
 * @param counts requests per minute (scaled), NaN where missing; copied in and out
 * @param missing true where the minute has no data; copied in and out
 */
public record PerMinuteSeries(
        Instant start, ZoneOffset localOffset, double[] counts, boolean[] missing) {

    public static final Duration STEP = Duration.ofMinutes(1);

    public PerMinuteSeries {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(localOffset, "localOffset");
        if (counts.length != missing.length) {
            throw new IllegalArgumentException(
                    "counts and missing differ in length: "
                            + counts.length
                            + " vs "
                            + missing.length);
        }
        counts = counts.clone();
        missing = missing.clone();
        for (int i = 0; i < counts.length; i++) {
            if (missing[i]) {
                counts[i] = Double.NaN;
            } else if (!(counts[i] >= 0) || Double.isInfinite(counts[i])) {
                throw new IllegalArgumentException(
                        "count of minute " + i + " must be finite and >= 0, was " + counts[i]);
            }
        }
    }

    /**
     * Reads a per-minute counts CSV (columns {@code minute_start_local} and/or {@code unix_time_s},
     * {@code requests}, optional {@code outage}), multiplying counts by {@code scale}.
     *
     * @throws TraceFormatException naming the file and line of a malformed row
     */
    public static PerMinuteSeries read(Path file, double scale) {
        return PerMinuteCsvParser.parse(file).scaled(scale);
    }

    public int size() {
        return counts.length;
    }

    /** Requests in minute {@code i}; NaN if missing. */
    public double count(int i) {
        return counts[i];
    }

    public boolean isMissing(int i) {
        return missing[i];
    }

    public Instant minuteStart(int i) {
        return start.plusSeconds(60L * i);
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }

    @Override
    public boolean[] missing() {
        return missing.clone();
    }

    public PerMinuteSeries scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale must be a finite number > 0, was " + factor);
        }
        double[] scaledCounts = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            scaledCounts[i] = counts[i] * factor;
        }
        return new PerMinuteSeries(start, localOffset, scaledCounts, missing);
    }

    /** Runs of missing minutes, in order, as offsets from {@link #start()}. */
    public List<TraceGap> gaps() {
        List<TraceGap> gaps = new ArrayList<>();
        int i = 0;
        while (i < missing.length) {
            if (!missing[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < missing.length && missing[end]) {
                end++;
            }
            gaps.add(new TraceGap(Duration.ofMinutes(i), Duration.ofMinutes(end)));
            i = end;
        }
        return gaps;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PerMinuteSeries that
                && start.equals(that.start)
                && localOffset.equals(that.localOffset)
                && Arrays.equals(counts, that.counts)
                && Arrays.equals(missing, that.missing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, localOffset, Arrays.hashCode(counts), Arrays.hashCode(missing));
    }

    @Override
    public String toString() {
        return "PerMinuteSeries[start="
                + start
                + ", localOffset="
                + localOffset
                + ", minutes="
                + counts.length
                + "]";
    }
}
