package io.inferscale.core.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling-origin backtest: fit every forecaster on a training series, then walk forward through the
 * test series with an origin every {@code originEvery} (hourly by default), starting at the test's
 * first step. At each origin a forecaster sees the actual history up to the origin (train, any gap
 * as missing, then the test prefix), never later; its forecast is scored at exactly step {@code
 * horizon} after the origin (not averaged over steps 1..horizon), against the test's actual value
 * there. Origins whose target is missing are skipped, not scored as zero.
 *
 * <p>Measures (see {@link ForecastMetrics}): MASE and sMAPE of the p50 forecast (the point
 * forecast; the median is what minimises absolute error), MASE scaled by the daily seasonal naive's
 * in-sample MAE on the training series; the pinball loss and the coverage of the p90.
 */
public final class RollingOriginEvaluation {

    public static final Duration HOURLY = Duration.ofHours(1);
    public static final double UPPER = 0.9;
    static final double[] LEVELS = {0.5, UPPER};

    /**
     * One forecaster's scores.
     *
     * @param scored targets scored
     * @param smape in percent (0..200)
     * @param pinballP90 mean pinball loss of the p90, in the series' units
     * @param fitSeconds wall time of {@code fit}
     * @param forecastMillis mean wall time of one {@code forecast} call
     */
    public record Score(
            String name,
            int scored,
            double mase,
            double smape,
            double pinballP90,
            double p90Coverage,
            double fitSeconds,
            double forecastMillis) {}

    /**
     * @param origins origins walked (scored plus skipped)
     * @param missingTargets origins skipped because their target is missing
     * @param maseScale the daily seasonal naive's in-sample MAE on the training series
     * @param scores one per forecaster, in the order given
     */
    public record Report(
            int horizonSteps,
            Duration step,
            int origins,
            int missingTargets,
            double maseScale,
            List<Score> scores) {
        public Report {
            scores = List.copyOf(scores);
        }

        /** Wall time of all fits together. */
        public double fitSeconds() {
            return scores.stream().mapToDouble(Score::fitSeconds).sum();
        }
    }

    private final int horizon;
    private final Duration originEvery;

    /**
     * @param horizon the scored step after each origin, in steps of the series
     * @param originEvery the spacing of origins; a whole number of steps
     */
    public RollingOriginEvaluation(int horizon, Duration originEvery) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 step, was " + horizon);
        }
        if (originEvery == null || originEvery.isZero() || originEvery.isNegative()) {
            throw new IllegalArgumentException("origins need a positive spacing");
        }
        this.horizon = horizon;
        this.originEvery = originEvery;
    }

    public Report run(
            DemandSeries train, DemandSeries test, List<? extends DemandForecaster> forecasters) {
        Duration step = train.step();
        if (!test.step().equals(step)) {
            throw new IllegalArgumentException(
                    "train steps by " + step + " but test by " + test.step());
        }
        int gap = gapSteps(train, test);
        double[] history = concat(train.values(), gap, test.values());
        int testStart = train.size() + gap;
        int every = ForecastArgs.stepsPer(originEvery, step);

        List<Integer> origins = new ArrayList<>();
        int missing = 0;
        for (int o = testStart; o + horizon - 1 < history.length; o += every) {
            if (Double.isNaN(history[o + horizon - 1])) {
                missing++;
            } else {
                origins.add(o);
            }
        }
        double scale = ForecastMetrics.maseScale(train);
        DemandSeries all = new DemandSeries(train.start(), step, history);
        List<Score> scores = new ArrayList<>();
        for (DemandForecaster f : forecasters) {
            try {
                scores.add(score(f, train, all, origins, scale));
            } catch (RuntimeException e) {
                // Say which forecaster failed: its own message may not.
                throw new IllegalStateException(f.name() + " failed: " + e.getMessage(), e);
            }
        }
        return new Report(horizon, step, origins.size() + missing, missing, scale, scores);
    }

    private Score score(
            DemandForecaster forecaster,
            DemandSeries train,
            DemandSeries all,
            List<Integer> origins,
            double scale) {
        long t0 = System.nanoTime();
        forecaster.fit(train);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;

        int n = origins.size();
        double[] actual = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        long forecastNanos = 0;
        for (int k = 0; k < n; k++) {
            int origin = origins.get(k);
            DemandSeries recent = all.slice(0, origin);
            long f0 = System.nanoTime();
            QuantileForecast fc = forecaster.forecast(recent, horizon, LEVELS);
            forecastNanos += System.nanoTime() - f0;
            if (!fc.origin().equals(recent.end()) || fc.horizon() < horizon) {
                throw new IllegalStateException(
                        forecaster.name()
                                + " answered for origin "
                                + fc.origin()
                                + " and "
                                + fc.horizon()
                                + " steps, asked for "
                                + recent.end()
                                + " and "
                                + horizon);
            }
            actual[k] = all.at(origin + horizon - 1);
            p50[k] = finite(forecaster, recent, fc.at(0.5, horizon));
            p90[k] = finite(forecaster, recent, fc.at(UPPER, horizon));
        }
        return new Score(
                forecaster.name(),
                n,
                ForecastMetrics.mase(actual, p50, scale),
                ForecastMetrics.smape(actual, p50),
                ForecastMetrics.pinball(actual, p90, UPPER),
                ForecastMetrics.coverage(actual, p90),
                fitSeconds,
                n > 0 ? forecastNanos / 1e6 / n : Double.NaN);
    }

    /** A NaN forecast is a forecaster bug; scoring around it would flatter the forecaster. */
    private static double finite(DemandForecaster f, DemandSeries recent, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException(
                    f.name() + " forecast " + v + " from the origin " + recent.end());
        }
        return v;
    }

    /** Steps between the end of train and the start of test (missing data in between). */
    private static int gapSteps(DemandSeries train, DemandSeries test) {
        Duration gap = Duration.between(train.end(), test.start());
        if (gap.isNegative()) {
            throw new IllegalArgumentException(
                    "the test series must start at or after the end of the training series ("
                            + train.end()
                            + "), starts at "
                            + test.start());
        }
        if (gap.isZero()) {
            return 0;
        }
        return ForecastArgs.stepsPer(gap, train.step());
    }

    private static double[] concat(double[] train, int gap, double[] test) {
        double[] all = new double[train.length + gap + test.length];
        System.arraycopy(train, 0, all, 0, train.length);
        Arrays.fill(all, train.length, train.length + gap, Double.NaN);
        System.arraycopy(test, 0, all, train.length + gap, test.length);
        return all;
    }
}
