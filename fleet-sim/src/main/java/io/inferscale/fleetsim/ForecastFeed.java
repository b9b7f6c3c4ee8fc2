package io.inferscale.fleetsim;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.QuantileForecast;
import io.inferscale.core.scaling.hybrid.ForecastView;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Walk-forward forecasts for the predictive autoscaler, in the simulator's clock (virtual
 * nanoseconds from the trace start). It counts the arrivals the autoscaler observes per minute and
 * appends each minute once it is over to a per-minute series that starts with the training history
 * (if any). Every {@code refitEvery} of virtual time it refits the forecaster on that whole series,
 * and after every completed minute it forecasts the next steps from it. Both only ever see minutes
 * that are over: no peeking.
 *
 * <p>Until the forecaster accepts the series (a trailing mean needs an hour, a daily seasonal naive
 * a day, Holt-Winters two) there is no forecast and the decider stays reactive.
 */
final class ForecastFeed {

    static final long MINUTE_NANOS = 60_000_000_000L;
    private static final double[] P90 = {0.9};
    private static final long NEVER = Long.MIN_VALUE;

    private final DemandForecaster forecaster;
    private final Instant traceStart;
    private final long refitEveryMinutes;
    private final int recentMinutes;
    private final int horizonSteps;

    /** Trace minute of {@code counts[0]}; NEVER until the first minute is known. */
    private long firstMinute;

    private double[] counts;
    private int size;

    private long openMinute = NEVER;
    private double openCount;
    private long lastSampleNanos = NEVER;
    private long lastFitMinute = NEVER;
    private ForecastView latest;
    private int fits;

    /**
     * @param forecaster null for none: then there is never a forecast
     * @param history per-minute counts ending before the replay starts (already cut and scaled), or
     *     null to learn from the replay alone
     * @param historyFirstMinute the trace minute (from {@code traceStart}) of {@code history[0]}
     */
    ForecastFeed(
            DemandForecaster forecaster,
            Instant traceStart,
            double[] history,
            long historyFirstMinute,
            Duration refitEvery,
            int recentMinutes,
            int horizonSteps) {
        this.forecaster = forecaster;
        this.traceStart = traceStart;
        this.refitEveryMinutes = Math.max(1, refitEvery.toMinutes());
        this.recentMinutes = recentMinutes;
        this.horizonSteps = horizonSteps;
        if (history == null) {
            this.firstMinute = NEVER;
            this.counts = new double[1024];
        } else {
            this.firstMinute = historyFirstMinute;
            this.counts = Arrays.copyOf(history, Math.max(1024, history.length * 2));
            this.size = history.length;
        }
    }

    /** The latest forecast, null until the forecaster has accepted the series. */
    ForecastView latest() {
        return latest;
    }

    /** How often the forecaster was fitted (for tests and reports). */
    int fits() {
        return fits;
    }

    /**
     * @param requestsPerSecond the arrival rate since the previous sample
     */
    void observe(long nowNanos, double requestsPerSecond) {
        double seconds = lastSampleNanos == NEVER ? 1.0 : (nowNanos - lastSampleNanos) / 1e9;
        lastSampleNanos = nowNanos;
        // A sample covers the second before it, so it counts in the minute of its last instant.
        long minute = Math.floorDiv(nowNanos - 1, MINUTE_NANOS);
        if (openMinute == NEVER) {
            openMinute = minute;
        }
        while (minute > openMinute) {
            close(openMinute, openCount);
            openCount = 0;
            openMinute++;
        }
        openCount += requestsPerSecond * seconds;
    }

    private void close(long minute, double count) {
        if (forecaster == null) {
            return; // --forecaster none
        }
        append(minute, count);
        if (lastFitMinute == NEVER || minute - lastFitMinute >= refitEveryMinutes) {
            try {
                forecaster.fit(series(0));
                lastFitMinute = minute;
                fits++;
            } catch (IllegalArgumentException tooShort) {
                return; // not enough history yet: try again next minute
            }
        }
        int recent = (int) Math.max(recentMinutes, minute - lastFitMinute + 1);
        QuantileForecast f;
        try {
            f = forecaster.forecast(series(Math.max(0, size - recent)), horizonSteps, P90);
        } catch (IllegalArgumentException tooShort) {
            return;
        }
        double[] perSecond = new double[horizonSteps];
        for (int h = 1; h <= horizonSteps; h++) {
            perSecond[h - 1] = f.at(0.9, h) / 60.0;
        }
        latest =
                ForecastView.ofRequests(
                        (minute + 1) * MINUTE_NANOS, MINUTE_NANOS, perSecond, forecaster.name());
    }

    /** Appends the count of {@code minute}, marking any minutes skipped since as missing. */
    private void append(long minute, double count) {
        if (firstMinute == NEVER) {
            firstMinute = minute;
        }
        long index = minute - firstMinute;
        if (index < size) {
            return; // the replay overlaps the history: the history's count stands
        }
        ensure((int) index + 1);
        Arrays.fill(counts, size, (int) index, Double.NaN);
        counts[(int) index] = count;
        size = (int) index + 1;
    }

    private void ensure(int capacity) {
        if (capacity > counts.length) {
            counts = Arrays.copyOf(counts, Math.max(capacity, counts.length * 2));
        }
    }

    private DemandSeries series(int from) {
        Instant start = traceStart.plus(Duration.ofMinutes(firstMinute + from));
        return new DemandSeries(
                start, Duration.ofMinutes(1), Arrays.copyOfRange(counts, from, size));
    }
}
