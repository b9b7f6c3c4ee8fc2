package io.inferscale.core.scaling.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.core.scaling.hybrid.DeciderState.Recommendation;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The decider's input and state records reject what it could not decide on, naming the field. */
class HybridInputsTest {
    private static final long S = 1_000_000_000L;

    static Stream<Arguments> invalid() {
        double[] ok = {1, 2};
        return Stream.of(
                arguments("negative replicas", (Runnable) () -> new FleetView(-1, 0), "replica"),
                arguments(
                        "NaN concurrency",
                        (Runnable) () -> new DemandView(0, Double.NaN, 0, 0),
                        "stableConcurrency"),
                arguments(
                        "negative rate",
                        (Runnable) () -> new DemandView(0, 0, 0, -1),
                        "requestsPerSecond"),
                arguments(
                        "zero forecast step",
                        (Runnable) () -> ForecastView.ofRequests(0, 0, ok, "f"),
                        "stepNanos"),
                arguments(
                        "empty forecast",
                        (Runnable) () -> ForecastView.ofRequests(0, S, new double[0], "f"),
                        "p90RequestsPerSecond"),
                arguments(
                        "NaN in a forecast",
                        (Runnable)
                                () -> ForecastView.ofRequests(0, S, new double[] {Double.NaN}, "f"),
                        "p90RequestsPerSecond[]"),
                arguments(
                        "tokens of another length",
                        (Runnable)
                                () ->
                                        new ForecastView(
                                                0, S, ok, new double[] {1}, "f", false, null),
                        "p90OutputTokensPerSecond"),
                arguments(
                        "degraded without a reason",
                        (Runnable) () -> new ForecastView(0, S, ok, null, "f", true, " "),
                        "degradedReason"),
                arguments(
                        "history out of order",
                        (Runnable)
                                () ->
                                        new DeciderState(
                                                List.of(
                                                        new Recommendation(2, 1),
                                                        new Recommendation(1, 1)),
                                                DeciderState.NEVER,
                                                0,
                                                Double.NaN),
                        "oldest first"),
                arguments(
                        "tolerance of 1",
                        (Runnable)
                                () ->
                                        new HybridSettings(
                                                1,
                                                2,
                                                Duration.ofSeconds(60),
                                                Duration.ofSeconds(60),
                                                Duration.ofMinutes(10),
                                                0.5),
                        "tolerance"),
                arguments(
                        "panic threshold of 1",
                        (Runnable)
                                () ->
                                        new HybridSettings(
                                                0.1,
                                                1,
                                                Duration.ofSeconds(60),
                                                Duration.ofSeconds(60),
                                                Duration.ofMinutes(10),
                                                0.5),
                        "panicThreshold"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, Runnable construct, String message) {
        assertThatThrownBy(construct::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aForecastIsCopiedInAndOut() {
        double[] values = {1, 2, 3};
        ForecastView f = ForecastView.ofRequests(0, S, values, "f");
        values[0] = 99;
        f.p90RequestsPerSecond()[1] = 99;

        assertThat(f.p90RequestsPerSecond()).containsExactly(1, 2, 3);
        assertThat(f).isEqualTo(ForecastView.ofRequests(0, S, new double[] {1, 2, 3}, "f"));
    }

    @Test
    void theStepOfAnInstant() {
        ForecastView f = ForecastView.ofRequests(100 * S, 60 * S, new double[] {1, 2, 3}, "f");

        assertThat(f.stepContaining(50 * S)).isEqualTo(1); // before the origin: the first step
        assertThat(f.stepContaining(100 * S)).isEqualTo(1);
        assertThat(f.stepContaining(159 * S)).isEqualTo(1);
        assertThat(f.stepContaining(160 * S)).isEqualTo(2);
        assertThat(f.stepContaining(280 * S)).isEqualTo(4); // past the end
    }
}
