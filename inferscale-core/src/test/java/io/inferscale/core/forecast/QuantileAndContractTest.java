package io.inferscale.core.forecast;

import static io.inferscale.core.forecast.Series.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Quantiles computed by hand, and the {@link DemandForecaster} contract for every baseline. */
class QuantileAndContractTest {

    static Stream<Arguments> handComputedQuantiles() {
        return Stream.of(
                // Season of 4 minutes: errors y[t] - y[t-4] = {1, 2, 3, 4}; type-7 quantiles:
                // p50 = 2.5, p90 = 3 + 0.7 * 1 = 3.7, p10 = 1.3. Point one season back: y[4] = 11.
                arguments(
                        "seasonal naive: point + quantiles of the seasonal errors",
                        (Supplier<DemandForecaster>)
                                () -> new SeasonalNaive("sn4", Duration.ofMinutes(4)),
                        new double[] {10, 10, 10, 10, 11, 12, 13, 14},
                        1,
                        new double[] {0.1, 0.5, 0.9},
                        new double[] {11 + 1.3, 11 + 2.5, 11 + 3.7}),
                // Window of 2: origins 2, 3, 4 have means 1, 3, 3.5 and targets 4, 3, 5, errors
                // {3, 0, 1.5}: p50 = 1.5, p90 = 1.5 + 0.8 * 1.5 = 2.7. Point: mean(3, 5) = 4.
                arguments(
                        "trailing mean: point + quantiles of the step-1 errors",
                        (Supplier<DemandForecaster>)
                                () -> new TrailingMean(Duration.ofMinutes(2), 1),
                        new double[] {0, 2, 4, 3, 5},
                        1,
                        new double[] {0.5, 0.9},
                        new double[] {4 + 1.5, 4 + 2.7}),
                // Errors {-3, -3, -1.5, 1.5, 1.5}: p10 = -3, below the point mean(1, 1) = 1:
                // clamped at 0.
                arguments(
                        "trailing mean: a quantile below zero is clamped, demand is never negative",
                        (Supplier<DemandForecaster>)
                                () -> new TrailingMean(Duration.ofMinutes(2), 1),
                        new double[] {4, 4, 1, 4, 4, 1, 1},
                        1,
                        new double[] {0.1},
                        new double[] {0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handComputedQuantiles")
    void quantilesComeFromInSampleErrors(
            String name,
            Supplier<DemandForecaster> make,
            double[] series,
            int horizon,
            double[] levels,
            double[] expected) {
        DemandForecaster f = make.get();
        DemandSeries s = Series.of(series);
        f.fit(s);

        QuantileForecast fc = f.forecast(s, horizon, levels);

        for (int q = 0; q < levels.length; q++) {
            assertThat(fc.at(levels[q], horizon))
                    .as("level %s", levels[q])
                    .isCloseTo(expected[q], within(1e-9));
        }
    }

    static Stream<Arguments> baselines() {
        return Stream.of(
                arguments(
                        "seasonal-naive-daily", (Supplier<DemandForecaster>) SeasonalNaive::daily),
                arguments(
                        "seasonal-naive-weekly",
                        (Supplier<DemandForecaster>) SeasonalNaive::weekly),
                arguments("trailing-mean", (Supplier<DemandForecaster>) TrailingMean::new),
                arguments("holt-winters", (Supplier<DemandForecaster>) HoltWinters::new));
    }

    static Stream<Arguments> baselinesWithoutState() {
        return baselines().filter(a -> !a.get()[0].equals("holt-winters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselines")
    void namesItself(String name, Supplier<DemandForecaster> make) {
        assertThat(make.get().name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselines")
    void refusesToForecastBeforeFit(String name, Supplier<DemandForecaster> make) {
        DemandSeries s = Series.minutes(15 * DAY, Series.constant(3));
        assertThatThrownBy(() -> make.get().forecast(s, 5, new double[] {0.5}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselines")
    void refusesATrainingSeriesWithoutObservations(String name, Supplier<DemandForecaster> make) {
        DemandSeries allMissing = Series.minutes(15 * DAY, t -> Double.NaN);
        assertThatThrownBy(() -> make.get().fit(allMissing))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> badRequests() {
        DemandSeries fifteenDays = Series.minutes(15 * DAY, Series.dailySine(20, 5));
        DemandSeries fiveMinuteSteps =
                new DemandSeries(Series.START, Duration.ofMinutes(5), new double[3 * 2016]);
        return Stream.of(
                arguments(
                        "horizon 0",
                        (Consumer<DemandForecaster>)
                                f -> f.forecast(fifteenDays, 0, new double[] {0.5})),
                arguments(
                        "no levels",
                        (Consumer<DemandForecaster>)
                                f -> f.forecast(fifteenDays, 5, new double[0])),
                arguments(
                        "level 1",
                        (Consumer<DemandForecaster>)
                                f -> f.forecast(fifteenDays, 5, new double[] {1.0})),
                arguments(
                        "level NaN",
                        (Consumer<DemandForecaster>)
                                f -> f.forecast(fifteenDays, 5, new double[] {Double.NaN})),
                arguments(
                        "another step",
                        (Consumer<DemandForecaster>)
                                f -> f.forecast(fiveMinuteSteps, 5, new double[] {0.5})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void everyBaselineRejectsABadRequest(String name, Consumer<DemandForecaster> request) {
        for (DemandForecaster f :
                new DemandForecaster[] {
                    SeasonalNaive.daily(),
                    SeasonalNaive.weekly(),
                    new TrailingMean(),
                    new HoltWinters()
                }) {
            f.fit(Series.minutes(15 * DAY, Series.dailySine(20, 5)));
            assertThatThrownBy(() -> request.accept(f))
                    .as(f.name())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * Nothing observed in {@code recent}: the seasonal naive and the trailing mean have nothing to
     * repeat or average and refuse. (Holt-Winters rolls its fitted state on through missing data,
     * see BaselineKnownAnswersTest; staleness is the service's call.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("baselinesWithoutState")
    void refusesRecentWithoutObservations(String name, Supplier<DemandForecaster> make) {
        DemandForecaster f = make.get();
        f.fit(Series.minutes(15 * DAY, Series.dailySine(20, 5)));
        DemandSeries allMissing = Series.minutes(15 * DAY, t -> Double.NaN);
        assertThatThrownBy(() -> f.forecast(allMissing, 5, new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no observation");
    }

    static Stream<Arguments> tooShort() {
        return Stream.of(
                arguments(
                        "seasonal-naive-weekly: less than a week of recent history",
                        (Supplier<DemandForecaster>) SeasonalNaive::weekly,
                        15 * DAY,
                        6 * DAY),
                arguments(
                        "holt-winters: training shorter than two days",
                        (Supplier<DemandForecaster>) HoltWinters::new,
                        2 * DAY - 1,
                        2 * DAY - 1),
                arguments(
                        "holt-winters: an origin before the fit's end with under two days of history",
                        (Supplier<DemandForecaster>) HoltWinters::new,
                        3 * DAY,
                        DAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooShort")
    void refusesTooShortHistory(
            String name, Supplier<DemandForecaster> make, int train, int recent) {
        DemandSeries s = Series.minutes(Math.max(train, recent), Series.dailySine(20, 5));
        DemandForecaster f = make.get();
        assertThatThrownBy(
                        () -> {
                            f.fit(s.slice(0, train));
                            f.forecast(s.slice(0, recent), 5, new double[] {0.5});
                        })
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselines")
    void quantilesAreOrderedAndNonNegative(String name, Supplier<DemandForecaster> make) {
        DemandSeries s = Series.minutes(15 * DAY, Series.noisy(Series.dailySine(6, 6), 3, 7));
        DemandForecaster f = make.get();
        f.fit(s);
        double[] levels = {0.05, 0.5, 0.9, 0.99};
        QuantileForecast fc = f.forecast(s, 30, levels);
        assertThat(fc.origin()).isEqualTo(Instant.parse("1995-07-16T04:00:00Z"));
        for (int h = 1; h <= 30; h++) {
            double previous = 0;
            for (double level : levels) {
                assertThat(fc.at(level, h))
                        .as("level %s step %d", level, h)
                        .isGreaterThanOrEqualTo(previous);
                previous = fc.at(level, h);
            }
        }
    }
}
