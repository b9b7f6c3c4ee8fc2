package io.inferscale.core.forecast;

import static io.inferscale.core.forecast.Series.DAY;
import static io.inferscale.core.forecast.Series.WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every baseline on series whose future is known exactly: the p50 must equal it, and with no
 * in-sample error the p90 must too. The forecaster is fitted on the first {@code trainMinutes} and
 * forecasts from {@code originMinute} (after the training series: the service's normal case).
 */
class BaselineKnownAnswersTest {

    private static final double[] LEVELS = {0.5, 0.9};

    record Case(
            Supplier<DemandForecaster> forecaster,
            IntToDoubleFunction truth,
            IntToDoubleFunction observed,
            int trainMinutes,
            int originMinute,
            int horizon,
            double tolerance) {}

    static Stream<Arguments> exact() {
        IntToDoubleFunction sine = Series.dailySine(50, 20);
        IntToDoubleFunction trend = Series.trendAndSeason(40, 0.01, 15);
        IntToDoubleFunction weekly = Series.weeklyPattern();
        return Stream.of(
                arguments(
                        "seasonal-naive-daily: a daily sine is repeated exactly",
                        new Case(
                                SeasonalNaive::daily, sine, sine, 2 * DAY, 2 * DAY + 37, 90, 1e-9)),
                arguments(
                        "seasonal-naive-daily: more than a season ahead looks back two seasons",
                        new Case(
                                SeasonalNaive::daily,
                                sine,
                                sine,
                                2 * DAY,
                                3 * DAY,
                                DAY + 120,
                                1e-9)),
                arguments(
                        "seasonal-naive-weekly: a weekday/weekend pattern is repeated exactly",
                        new Case(
                                SeasonalNaive::weekly,
                                weekly,
                                weekly,
                                2 * WEEK,
                                2 * WEEK + 5,
                                60,
                                1e-9)),
                arguments(
                        "seasonal-naive-daily: constant",
                        new Case(SeasonalNaive::daily, c(7.5), c(7.5), 2 * DAY, 2 * DAY, 30, 0)),
                arguments(
                        "seasonal-naive-weekly: constant",
                        new Case(SeasonalNaive::weekly, c(7.5), c(7.5), 2 * WEEK, 2 * WEEK, 30, 0)),
                arguments(
                        "trailing-mean: constant",
                        new Case(TrailingMean::new, c(7.5), c(7.5), DAY, DAY + 3, 30, 1e-12)),
                arguments(
                        "holt-winters: constant",
                        new Case(
                                HoltWinters::new, c(7.5), c(7.5), 3 * DAY, 3 * DAY + 11, 60, 1e-9)),
                arguments(
                        "holt-winters: linear trend + daily sine is extrapolated exactly",
                        new Case(HoltWinters::new, trend, trend, 3 * DAY, 3 * DAY + 500, 60, 1e-6)),
                arguments(
                        "holt-winters: origin before the fit's end restarts from recent alone",
                        new Case(HoltWinters::new, trend, trend, 5 * DAY, 3 * DAY, 60, 1e-6)),
                // Missing data: the forecast must step over gaps, never read them as zero.
                arguments(
                        "seasonal-naive-daily: the day-ago minutes are missing, two days ago is used",
                        new Case(
                                SeasonalNaive::daily,
                                sine,
                                Series.gap(sine, 2 * DAY, 2 * DAY + 200),
                                2 * DAY,
                                3 * DAY,
                                120,
                                1e-9)),
                arguments(
                        "seasonal-naive-weekly: gaps in training, a week ago and at the origin",
                        new Case(
                                SeasonalNaive::weekly,
                                c(12),
                                Series.gap(
                                        Series.gap(Series.gap(c(12), 100, 900), WEEK, WEEK + 60),
                                        2 * WEEK - 30,
                                        2 * WEEK + 10),
                                2 * WEEK,
                                2 * WEEK + 10,
                                30,
                                0)),
                arguments(
                        "trailing-mean: half the window missing, the rest is averaged",
                        new Case(
                                TrailingMean::new,
                                c(12),
                                Series.gap(c(12), DAY - 30, DAY),
                                DAY,
                                DAY,
                                30,
                                1e-12)),
                arguments(
                        "trailing-mean: the whole window missing, the last observed value stands in",
                        new Case(
                                TrailingMean::new,
                                c(12),
                                Series.gap(c(12), DAY - 200, DAY),
                                DAY,
                                DAY,
                                30,
                                1e-12)),
                arguments(
                        "holt-winters: a gap of hours in training and at the origin",
                        new Case(
                                HoltWinters::new,
                                trend,
                                Series.gap(
                                        Series.gap(trend, DAY + 300, DAY + 700),
                                        4 * DAY - 90,
                                        4 * DAY),
                                3 * DAY,
                                4 * DAY,
                                60,
                                1e-6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exact")
    void forecastsTheKnownFuture(String name, Case c) {
        DemandForecaster f = c.forecaster().get();
        int seriesLength = Math.max(c.trainMinutes(), c.originMinute());
        DemandSeries observed = Series.minutes(seriesLength, c.observed());
        f.fit(observed.slice(0, c.trainMinutes()));

        QuantileForecast fc = f.forecast(observed.slice(0, c.originMinute()), c.horizon(), LEVELS);

        assertThat(fc.origin()).isEqualTo(observed.timeOf(c.originMinute()));
        assertThat(fc.horizon()).isEqualTo(c.horizon());
        for (int h = 1; h <= c.horizon(); h++) {
            double expected = c.truth().applyAsDouble(c.originMinute() + h - 1);
            assertThat(fc.at(0.5, h))
                    .as("p50 at step %d", h)
                    .isCloseTo(expected, within(c.tolerance()));
            assertThat(fc.at(0.9, h))
                    .as("p90 at step %d", h)
                    .isCloseTo(expected, within(c.tolerance()));
        }
    }

    private static IntToDoubleFunction c(double value) {
        return Series.constant(value);
    }
}
