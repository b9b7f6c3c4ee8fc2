package io.inferscale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every measure against values computed by hand (in the comments). */
class ForecastMetricsTest {

    private static final double NaN = Double.NaN;

    static Stream<Arguments> handComputed() {
        return Stream.of(
                // |1| + 0 + |2| over 3 pairs (the NaN pair is skipped) = 1, / scale 2.
                arguments(
                        "mase skips missing pairs and divides by the scale",
                        (DoubleSupplier)
                                () -> ForecastMetrics.mase(d(1, 2, 3, NaN), d(2, 2, 5, 1), 2),
                        0.5),
                arguments(
                        "mase with a zero scale is undefined",
                        (DoubleSupplier) () -> ForecastMetrics.mase(d(1, 2), d(1, 3), 0),
                        NaN),
                // 200/2 * (50/150 + 0): a = f = 0 is a perfect forecast.
                arguments(
                        "smape in percent, 0/0 scores 0",
                        (DoubleSupplier) () -> ForecastMetrics.smape(d(100, 0, 50), d(50, 0, NaN)),
                        100.0 / 3),
                arguments(
                        "smape of a forecast of 0 for positive demand is 200",
                        (DoubleSupplier) () -> ForecastMetrics.smape(d(5), d(0)),
                        200),
                // (0.9 * 2 + 0.1 * 3) / 2
                arguments(
                        "pinball p90: under-forecasts cost 0.9, over-forecasts 0.1",
                        (DoubleSupplier) () -> ForecastMetrics.pinball(d(10, 10), d(8, 13), 0.9),
                        1.05),
                // (0.5 * 2 + 0.5 * 3) / 2: half the absolute error
                arguments(
                        "pinball p50 is half the absolute error",
                        (DoubleSupplier) () -> ForecastMetrics.pinball(d(10, 10), d(8, 13), 0.5),
                        1.25),
                // 1 <= 2 and 2 <= 2 covered, 3 > 2 not, the NaN pair skipped
                arguments(
                        "coverage counts actual <= upper",
                        (DoubleSupplier)
                                () -> ForecastMetrics.coverage(d(1, 2, 3, 4), d(2, 2, 2, NaN)),
                        2.0 / 3),
                arguments(
                        "no pairs at all is NaN",
                        (DoubleSupplier) () -> ForecastMetrics.coverage(d(NaN), d(1)),
                        NaN),
                // season 2: |2-1| = 1, |7-5| = 2, (NaN skipped), |4-7| = 3
                arguments(
                        "seasonal naive MAE skips pairs with a missing side",
                        (DoubleSupplier)
                                () ->
                                        ForecastMetrics.seasonalNaiveMae(
                                                Series.of(1, 5, 2, 7, NaN, 4),
                                                Duration.ofMinutes(2)),
                        2),
                // Two days, the second 3 above the first, except a missing minute.
                arguments(
                        "MASE scale: the daily seasonal naive's in-sample MAE",
                        (DoubleSupplier)
                                () ->
                                        ForecastMetrics.maseScale(
                                                Series.minutes(
                                                        2 * Series.DAY,
                                                        t ->
                                                                t == 2000
                                                                        ? NaN
                                                                        : (t % Series.DAY)
                                                                                + (t >= Series.DAY
                                                                                        ? 3
                                                                                        : 0))),
                        3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handComputed")
    void matchesTheHandComputedValue(String name, DoubleSupplier measure, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(measure.getAsDouble()).isNaN();
        } else {
            assertThat(measure.getAsDouble()).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThatThrownBy(() -> ForecastMetrics.mase(d(1, 2), d(1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 actuals but 1 forecasts");
    }

    private static double[] d(double... v) {
        return v;
    }
}
