package io.inferscale.core.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/** Synthetic per-minute demand series with known answers, for the forecaster tests. */
final class Series {

    static final Instant START = Instant.parse("1995-07-01T04:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final int DAY = 1440;
    static final int WEEK = 7 * DAY;

    private Series() {}

    /** {@code f(t)} for minutes {@code t = 0 .. n-1}. */
    static DemandSeries minutes(int n, IntToDoubleFunction f) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            v[t] = f.applyAsDouble(t);
        }
        return new DemandSeries(START, MINUTE, v);
    }

    static DemandSeries of(double... values) {
        return new DemandSeries(START, MINUTE, values);
    }

    static IntToDoubleFunction constant(double c) {
        return t -> c;
    }

    static IntToDoubleFunction dailySine(double mean, double amplitude) {
        return t -> mean + amplitude * Math.sin(2 * Math.PI * t / DAY);
    }

    /** A weekday/weekend pattern on top of a daily sine: periodic in a week, not in a day. */
    static IntToDoubleFunction weeklyPattern() {
        return t -> (t / DAY % 7 < 2 ? 30 : 60) + 20 * Math.sin(2 * Math.PI * t / DAY);
    }

    static IntToDoubleFunction trendAndSeason(double mean, double slope, double amplitude) {
        return t -> mean + slope * t + amplitude * Math.sin(2 * Math.PI * t / DAY);
    }

    /** Gaussian noise of standard deviation {@code sd} added to {@code f}, seeded. */
    static IntToDoubleFunction noisy(IntToDoubleFunction f, double sd, long seed) {
        Random random = new Random(seed);
        double[] noise = new double[10 * WEEK];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = sd * random.nextGaussian();
        }
        return t -> f.applyAsDouble(t) + noise[t];
    }

    /** {@code f}, with NaN at the minutes {@code [from, to)}. */
    static IntToDoubleFunction gap(IntToDoubleFunction f, int from, int to) {
        return t -> t >= from && t < to ? Double.NaN : f.applyAsDouble(t);
    }
}
