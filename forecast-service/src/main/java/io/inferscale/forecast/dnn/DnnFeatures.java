package io.inferscale.forecast.dnn;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns the history before a forecast origin into the network's input vector. Pure Java: the
 * trainer and the serving path call the same code, so training and serving see the same features.
 *
 * <p>All values are divided by a robust scale (the training median) so that the network works in
 * units of "typical demand". Layout, with {@code P} steps per day:
 *
 * <ul>
 *   <li>the last {@value #RECENT} steps, one by one (level and short-term trend);
 *   <li>{@value #BLOCK}-step means from {@value #RECENT} to {@value #RECENT_BLOCKS_END} steps back;
 *   <li>{@value #HOURS} hourly means over the last day (the day's level: weekday or weekend);
 *   <li>for one day and one week back, {@value #BLOCK}-step means over the window from an hour
 *       before to an hour after the origin's time of day on that day (the seasonal shape the
 *       horizon is about to walk through);
 *   <li>time of day and day of week as sin/cos pairs;
 *   <li>the share of missing steps among the recent ones, and how much of the weekly lag exists.
 * </ul>
 *
 * <p>Missing steps (NaN) are never read as zero: they are imputed from the same time a day earlier
 * (recursively, so a week back if that was missing too), else carried forward from the last
 * observation, and the missing share is an input of its own. Steps before the start of the history
 * are taken from the same time of day on the earliest day that has it.
 */
public final class DnnFeatures {
    static final int RECENT = 60;
    static final int BLOCK = 10;
    static final int RECENT_BLOCKS_END = 240;
    static final int HOURS = 24;
    static final int SEASONAL_HALF_WINDOW = 60;
    private static final int[] SEASONAL_DAYS = {1, 7};

    private static final int RECENT_BLOCKS = (RECENT_BLOCKS_END - RECENT) / BLOCK;
    private static final int SEASONAL_BLOCKS = 2 * SEASONAL_HALF_WINDOW / BLOCK;

    /** Length of the input vector. */
    public static final int SIZE =
            RECENT + RECENT_BLOCKS + HOURS + SEASONAL_DAYS.length * SEASONAL_BLOCKS + 4 + 2;

    private final int stepsPerDay;
    private final int stepsPerHour;
    private final Duration step;

    public DnnFeatures(Duration step) {
        if (Duration.ofDays(1).toNanos() % step.toNanos() != 0) {
            throw new IllegalArgumentException("the step must divide a day: " + step);
        }
        this.step = step;
        this.stepsPerDay = (int) (Duration.ofDays(1).toNanos() / step.toNanos());
        this.stepsPerHour = Math.max(1, (int) (Duration.ofHours(1).toNanos() / step.toNanos()));
    }

    public int stepsPerDay() {
        return stepsPerDay;
    }

    /** How much history a forecast can use: a week plus the seasonal window. */
    public int lookback() {
        return 7 * stepsPerDay + SEASONAL_HALF_WINDOW;
    }

    /**
     * Fills missing steps (see the class comment). The result has no NaN; {@code fallback} (in the
     * series' units) is used only when nothing before a step was observed.
     */
    public double[] impute(double[] values, double fallback) {
        double[] out = new double[values.length];
        double last = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                last = v;
            } else if (i >= stepsPerDay) {
                v = out[i - stepsPerDay];
            } else {
                v = Double.isNaN(last) ? fallback : last;
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * Writes the features for a forecast made at {@code origin} (the first forecast step) into
     * {@code dest[offset..offset+SIZE)}.
     *
     * @param raw the series with NaN for missing steps (for the missing share)
     * @param filled {@link #impute}d values of the same series
     * @param originTime the instant step {@code origin} starts at
     */
    public void write(
            double[] raw,
            double[] filled,
            int origin,
            Instant originTime,
            double scale,
            float[] dest,
            int offset) {
        if (origin < 1 || origin > filled.length) {
            throw new IllegalArgumentException("origin needs at least one step of history");
        }
        int k = offset;
        double inv = 1.0 / scale;
        for (int i = origin - RECENT; i < origin; i++) {
            dest[k++] = (float) (at(filled, i, origin) * inv);
        }
        for (int b = 0; b < RECENT_BLOCKS; b++) {
            int end = origin - RECENT - b * BLOCK;
            dest[k++] = (float) (mean(filled, end - BLOCK, end, origin) * inv);
        }
        for (int h = 0; h < HOURS; h++) {
            int end = origin - h * stepsPerHour;
            dest[k++] = (float) (mean(filled, end - stepsPerHour, end, origin) * inv);
        }
        for (int d : SEASONAL_DAYS) {
            int from = origin - d * stepsPerDay - SEASONAL_HALF_WINDOW;
            for (int b = 0; b < SEASONAL_BLOCKS; b++) {
                int s = from + b * BLOCK;
                dest[k++] = (float) (mean(filled, s, s + BLOCK, origin) * inv);
            }
        }
        long secondOfDay = Math.floorMod(originTime.getEpochSecond(), 86_400L);
        long day = Math.floorDiv(originTime.getEpochSecond(), 86_400L);
        double tod = 2 * Math.PI * secondOfDay / 86_400.0;
        double dow = 2 * Math.PI * (Math.floorMod(day, 7L) + secondOfDay / 86_400.0) / 7.0;
        dest[k++] = (float) Math.sin(tod);
        dest[k++] = (float) Math.cos(tod);
        dest[k++] = (float) Math.sin(dow);
        dest[k++] = (float) Math.cos(dow);
        int missing = 0;
        int seen = 0;
        for (int i = Math.max(0, origin - RECENT); i < origin; i++) {
            seen++;
            if (Double.isNaN(raw[i])) {
                missing++;
            }
        }
        dest[k++] = seen == 0 ? 1f : (float) missing / seen;
        dest[k++] = (float) Math.min(1.0, (double) origin / lookback());
    }

    /** Step {@code i} of the history before {@code origin}, backfilled seasonally when i < 0. */
    private double at(double[] filled, int i, int origin) {
        if (i >= 0) {
            return filled[i];
        }
        int j = Math.floorMod(i, stepsPerDay);
        return j < origin ? filled[j] : filled[origin - 1];
    }

    private double mean(double[] filled, int from, int to, int origin) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += i < origin ? at(filled, i, origin) : seasonalAhead(filled, i, origin);
        }
        return sum / (to - from);
    }

    /** Seasonal windows reach past the origin only on earlier days; guard against it anyway. */
    private double seasonalAhead(double[] filled, int i, int origin) {
        int j = i;
        while (j >= origin) {
            j -= stepsPerDay;
        }
        return at(filled, j, origin);
    }

    Duration step() {
        return step;
    }
}
