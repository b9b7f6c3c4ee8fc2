package io.inferscale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RollingOriginEvaluationTest {

    private static final Duration MINUTE = Series.MINUTE;

    /**
     * A forecaster that knows the whole series and fails the test if the harness shows it anything
     * past the origin: fit must see exactly the training series, and every forecast's history must
     * be the true prefix ending on an hourly origin of the test. It then answers with the true
     * future at that origin, so the harness scores zero error only if it scores step {@code H}
     * after the same origin it showed.
     */
    static final class PeekGuard implements DemandForecaster {
        private final double[] truth;
        private final Instant trainEnd;
        private final Instant testStart;
        final List<Instant> origins = new ArrayList<>();

        PeekGuard(double[] truth, Instant trainEnd, Instant testStart) {
            this.truth = truth;
            this.trainEnd = trainEnd;
            this.testStart = testStart;
        }

        @Override
        public String name() {
            return "peek-guard";
        }

        @Override
        public void fit(DemandSeries history) {
            if (!history.end().equals(trainEnd)) {
                throw new AssertionError(
                        "fit saw data up to " + history.end() + ", past " + trainEnd);
            }
        }

        @Override
        public QuantileForecast forecast(DemandSeries recent, int horizon, double[] levels) {
            Instant origin = recent.end();
            Duration intoTest = Duration.between(testStart, origin);
            if (intoTest.isNegative() || intoTest.toMinutes() % 60 != 0) {
                throw new AssertionError(
                        "origin " + origin + " is not an hourly origin of the test");
            }
            double[] seen = recent.values();
            for (int i = 0; i < seen.length; i++) {
                if (Double.compare(seen[i], truth[i]) != 0) {
                    throw new AssertionError("history differs from the truth at step " + i);
                }
            }
            origins.add(origin);
            double[][] values = new double[levels.length][horizon];
            for (double[] row : values) {
                for (int h = 1; h <= horizon; h++) {
                    row[h - 1] = truth[seen.length + h - 1];
                }
            }
            return new QuantileForecast(origin, recent.step(), levels, values);
        }
    }

    /** Minute t has the value t + 1: every step distinct, so any misalignment shows. */
    private static double[] ramp(int n) {
        return IntStream.range(0, n).mapToDouble(t -> t + 1).toArray();
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                // 5 h of test, H = 15: origins at 0, 1, 2, 3, 4 h (the last target is minute 254).
                arguments("contiguous test, H = 15", 2 * Series.DAY, 0, 300, 15, new int[0], 5, 0),
                // H = 61: the 4 h origin's target (minute 300) is past the test.
                arguments(
                        "a target past the test's end is no origin",
                        2 * Series.DAY,
                        0,
                        300,
                        61,
                        new int[0],
                        4,
                        0),
                // Targets of the 1 h and 3 h origins (test minutes 74 and 194) are missing.
                arguments(
                        "missing targets are skipped",
                        2 * Series.DAY,
                        0,
                        300,
                        15,
                        new int[] {74, 194},
                        3,
                        2),
                // Test starts 90 minutes after training ends: the gap is missing history.
                arguments(
                        "a gap between train and test",
                        2 * Series.DAY,
                        90,
                        300,
                        5,
                        new int[0],
                        5,
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void neverShowsTheFutureAndScoresStepHAfterEachOrigin(
            String name,
            int trainMinutes,
            int gapMinutes,
            int testMinutes,
            int horizon,
            int[] missingTestMinutes,
            int expectedScored,
            int expectedMissing) {
        double[] truth = ramp(trainMinutes + gapMinutes + testMinutes);
        for (int g = trainMinutes; g < trainMinutes + gapMinutes; g++) {
            truth[g] = Double.NaN;
        }
        for (int m : missingTestMinutes) {
            truth[trainMinutes + gapMinutes + m] = Double.NaN;
        }
        DemandSeries all = new DemandSeries(Series.START, MINUTE, truth);
        DemandSeries train = all.slice(0, trainMinutes);
        DemandSeries test = all.slice(trainMinutes + gapMinutes, truth.length);
        PeekGuard guard = new PeekGuard(truth, train.end(), test.start());

        RollingOriginEvaluation.Report report =
                new RollingOriginEvaluation(horizon, RollingOriginEvaluation.HOURLY)
                        .run(train, test, List.of(guard));

        RollingOriginEvaluation.Score score = report.scores().get(0);
        assertThat(score.scored()).isEqualTo(expectedScored);
        assertThat(report.missingTargets()).isEqualTo(expectedMissing);
        assertThat(report.origins()).isEqualTo(expectedScored + expectedMissing);
        assertThat(score.mase()).isZero();
        assertThat(score.smape()).isZero();
        assertThat(score.p90Coverage()).isEqualTo(1.0);
        assertThat(guard.origins)
                .hasSize(expectedScored)
                .allSatisfy(o -> assertThat(o).isAfterOrEqualTo(test.start()));
    }

    @Test
    void scoresEachForecasterAgainstTheDailySeasonalNaiveScale() {
        // Train: two days, the second 4 above the first: MASE scale 4. Test: one hour of 10s.
        DemandSeries train = Series.minutes(2 * Series.DAY, t -> t < Series.DAY ? 10 : 14);
        DemandSeries test = new DemandSeries(train.end(), MINUTE, filled(60, 10));

        RollingOriginEvaluation.Report report =
                new RollingOriginEvaluation(1, RollingOriginEvaluation.HOURLY)
                        .run(train, test, List.of(new TrailingMean(), SeasonalNaive.daily()));

        assertThat(report.maseScale()).isEqualTo(4);
        assertThat(report.scores())
                .extracting(RollingOriginEvaluation.Score::name)
                .containsExactly("trailing-mean", "seasonal-naive-daily");
        // The trailing mean's p50 is 14 (its median in-sample error is 0): |10 - 14| / 4 = 1.
        // The day-ago value is 14 too, but every in-sample daily error was +4, so the seasonal
        // naive's p50 (point + median error) is 18: |10 - 18| / 4 = 2.
        assertThat(report.scores())
                .extracting(RollingOriginEvaluation.Score::mase)
                .containsExactly(1.0, 2.0);
        assertThat(report.fitSeconds()).isPositive();
    }

    @Test
    void refusesATestThatStartsBeforeTrainingEnds() {
        DemandSeries train = Series.minutes(2 * Series.DAY, Series.constant(1));
        DemandSeries test = train.slice(Series.DAY, 2 * Series.DAY);
        assertThatThrownBy(
                        () ->
                                new RollingOriginEvaluation(15, RollingOriginEvaluation.HOURLY)
                                        .run(train, test, List.of(new TrailingMean())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start at or after the end of the training series");
    }

    @Test
    void aNaNForecastIsAnError() {
        DemandSeries train = Series.minutes(2 * Series.DAY, Series.constant(1));
        DemandSeries test = new DemandSeries(train.end(), MINUTE, filled(60, 1));
        DemandForecaster broken =
                new DemandForecaster() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public void fit(DemandSeries history) {}

                    @Override
                    public QuantileForecast forecast(
                            DemandSeries recent, int horizon, double[] levels) {
                        double[][] v = new double[levels.length][horizon];
                        for (double[] row : v) {
                            Arrays.fill(row, Double.NaN);
                        }
                        return new QuantileForecast(recent.end(), recent.step(), levels, v);
                    }
                };
        assertThatThrownBy(
                        () ->
                                new RollingOriginEvaluation(15, RollingOriginEvaluation.HOURLY)
                                        .run(train, test, List.of(broken)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken failed: broken forecast NaN from the origin");
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
