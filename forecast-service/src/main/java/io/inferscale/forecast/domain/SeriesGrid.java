package io.inferscale.forecast.domain;

import io.inferscale.core.forecast.DemandSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Lays stored demand windows on a regular grid of steps: the series the forecasters read. A step
 * without a window is missing (NaN), never zero demand: an absent window means the data did not
 * arrive (an outage, a collector restart, a lost partition). An idle minute of a known model must
 * therefore come as a window with zero arrivals (docs/events.md, {@code forecasts}).
 */
public final class SeriesGrid {

    private SeriesGrid() {}

    /**
     * Arrivals per step over {@code [from, to)}, both rounded down to whole steps since the epoch.
     * Windows of another length or off the grid are ignored.
     */
    public static DemandSeries arrivals(
            List<DemandPoint> points, Instant from, Instant to, Duration step) {
        Instant start = alignDown(from, step);
        Instant end = alignDown(to, step);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the grid ends at " + end + " before " + start);
        }
        long stepNanos = step.toNanos();
        int size = Math.toIntExact(Duration.between(start, end).toNanos() / stepNanos);
        double[] values = new double[size];
        Arrays.fill(values, Double.NaN);
        for (DemandPoint p : points) {
            if ((long) p.windowSeconds() * 1_000_000_000L != stepNanos) {
                continue;
            }
            long offset = Duration.between(start, p.windowStart()).toNanos();
            if (offset < 0 || offset % stepNanos != 0 || offset / stepNanos >= size) {
                continue;
            }
            values[(int) (offset / stepNanos)] = p.arrivals();
        }
        return new DemandSeries(start, step, values);
    }

    /** The start of the step that contains {@code t}, steps counted from the epoch. */
    public static Instant alignDown(Instant t, Duration step) {
        long stepMillis = step.toMillis();
        if (stepMillis <= 0 || Duration.ofDays(1).toMillis() % stepMillis != 0) {
            throw new IllegalArgumentException("the step must divide a day: " + step);
        }
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), stepMillis) * stepMillis);
    }
}
