package io.inferscale.forecast.dnn;

import io.inferscale.core.forecast.DemandSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/** Test data: a daily cycle of per-minute Poisson counts (mean 20 at night, 60 by day). */
final class SyntheticDemand {
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    private SyntheticDemand() {}

    static DemandSeries days(int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[days * 1440];
        for (int i = 0; i < v.length; i++) {
            double mean = 40 - 20 * Math.cos(2 * Math.PI * (i % 1440) / 1440.0);
            v[i] = poisson(mean, random);
        }
        return new DemandSeries(START, Duration.ofMinutes(1), v);
    }

    static DemandSeries withGap(DemandSeries s, int from, int to) {
        double[] v = s.values();
        for (int i = from; i < to; i++) {
            v[i] = Double.NaN;
        }
        return new DemandSeries(s.start(), s.step(), v);
    }

    static DnnConfig tinyConfig(long seed) {
        return new DnnConfig(
                30,
                DnnConfig.DEFAULT_LEVELS,
                1,
                16,
                1,
                128,
                3e-3,
                3,
                2,
                0.1,
                Duration.ofSeconds(30),
                seed);
    }

    static Instant minute(int i) {
        return START.plus(i, ChronoUnit.MINUTES);
    }

    private static double poisson(double mean, SplittableRandom random) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
