package io.inferscale.core.forecast;

import io.inferscale.core.trace.PerMinuteSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Per-minute traces as demand series, whole or cut by calendar days. Day numbers are the days of
 * the month of the series' first minute, in the series' local time (its file's UTC offset): days
 * 1-21 of the NASA July 1995 trace run from 1995-07-01T00:00-04:00 to 1995-07-22T00:00-04:00.
 */
public final class CalendarDays {

    private CalendarDays() {}

    /** The whole series, missing minutes as NaN. */
    public static DemandSeries all(PerMinuteSeries series) {
        return new DemandSeries(series.start(), PerMinuteSeries.STEP, series.counts());
    }

    /**
     * The minutes of days {@code first} to {@code last} (inclusive) that the series holds.
     *
     * @throws IllegalArgumentException if the days are out of order or the series holds none of
     *     their minutes
     */
    public static DemandSeries days(PerMinuteSeries series, int first, int last) {
        if (first < 1 || last > 31 || first > last) {
            throw new IllegalArgumentException(
                    "days must satisfy 1 <= first <= last <= 31, were " + first + "-" + last);
        }
        LocalDate monthStart =
                series.start().atOffset(series.localOffset()).toLocalDate().withDayOfMonth(1);
        Instant from = startOf(monthStart.plusDays(first - 1L), series);
        Instant to = startOf(monthStart.plusDays(last), series);
        int i = minuteIndex(series, from);
        int j = minuteIndex(series, to);
        if (i >= j) {
            throw new IllegalArgumentException(
                    "days "
                            + first
                            + "-"
                            + last
                            + " are outside the series ("
                            + series.start()
                            + ", "
                            + series.size()
                            + " minutes)");
        }
        return all(series).slice(i, j);
    }

    private static Instant startOf(LocalDate day, PerMinuteSeries series) {
        return OffsetDateTime.of(day.atStartOfDay(), series.localOffset()).toInstant();
    }

    /** The first minute starting at or after {@code t}, clamped to [0, size]. */
    private static int minuteIndex(PerMinuteSeries series, Instant t) {
        long seconds = Duration.between(series.start(), t).toSeconds();
        long minutes = Math.floorDiv(seconds + 59, 60);
        return (int) Math.max(0, Math.min(series.size(), minutes));
    }
}
