package io.inferscale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NelderMeadTest {

    static Stream<Arguments> functions() {
        return Stream.of(
                arguments(
                        "shifted quadratic bowl",
                        (ToDoubleFunction<double[]>)
                                p -> sq(p[0] - 0.3) + 4 * sq(p[1] - 0.05) + 9 * sq(p[2] - 0.7),
                        new double[] {0.5, 0.5, 0.5},
                        new double[] {0.3, 0.05, 0.7}),
                arguments(
                        "Rosenbrock valley",
                        (ToDoubleFunction<double[]>)
                                p -> sq(1 - p[0]) + 100 * sq(p[1] - p[0] * p[0]),
                        new double[] {-1, 1},
                        new double[] {1, 1}),
                arguments(
                        "NaN region counts as +infinity",
                        (ToDoubleFunction<double[]>) p -> p[0] < 0 ? Double.NaN : sq(p[0] - 0.2),
                        new double[] {0.6},
                        new double[] {0.2}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void findsTheMinimum(
            String name, ToDoubleFunction<double[]> f, double[] start, double[] expected) {
        NelderMead.Minimum min = NelderMead.minimise(f, start, 0.1, 1e-12, 5_000);
        for (int k = 0; k < expected.length; k++) {
            assertThat(min.point()[k]).as("coordinate %d", k).isCloseTo(expected[k], within(1e-3));
        }
    }

    private static double sq(double x) {
        return x * x;
    }
}
