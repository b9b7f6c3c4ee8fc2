package io.inferscale.core.scaling;

import static io.inferscale.contracts.ScalingReason.BOUNDS;
import static io.inferscale.contracts.ScalingReason.NO_CHANGE;
import static io.inferscale.contracts.ScalingReason.PANIC;
import static io.inferscale.contracts.ScalingReason.REACTIVE;
import static io.inferscale.contracts.ScalingReason.STABILISATION;
import static io.inferscale.contracts.ScalingReason.STALENESS;
import static io.inferscale.core.scaling.Scenario.SECOND;
import static io.inferscale.core.scaling.Workload.steady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.contracts.ScalingReason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Target 10 per replica at utilisation 0.7, so each replica is meant to carry 7; decisions every 2
 * s, stable window 60 s, panic window 6 s. The expected counts are worked by hand from the
 * per-second windows, e.g. the burst at 121 s: the panic window at 124 s holds 2 s of 70 and 4 s of
 * 210, averages 163.3 and wants ceil(163.3 / 7) = 24 pods, 2.2x the 11 ready.
 */
class KpaAutoscalerTest {
    private static final AutoscalerSettings DEFAULTS = AutoscalerSettings.of(1, 100, 10);
    private static final AutoscalerSettings TO_ZERO = AutoscalerSettings.of(0, 100, 10);

    static Stream<Arguments> scenarios() {
        Workload burst = steady(70).then(121, 210).then(131, 70);
        Workload spike = steady(7).then(121, 700).then(131, 0);
        return Stream.of(
                arguments(
                        "steady 100 in flight holds ceil(100 / 7) = 15",
                        Scenario.of(DEFAULTS, 15, steady(100), 120),
                        15,
                        NO_CHANGE),
                arguments(
                        "steady 70 in flight from one replica settles at 10",
                        Scenario.of(DEFAULTS, 1, steady(70), 120),
                        10,
                        NO_CHANGE),
                arguments(
                        "starts in panic when it finds the fleet scaled out",
                        Scenario.of(DEFAULTS, 10, steady(0), 30),
                        10,
                        PANIC),
                arguments(
                        "startup panic ends after a stable window, then halves",
                        Scenario.of(DEFAULTS, 10, steady(0), 64),
                        5,
                        REACTIVE),
                arguments(
                        "3x burst: first tick only moves the stable window",
                        Scenario.of(DEFAULTS, 10, burst, 122),
                        11,
                        REACTIVE),
                arguments(
                        "3x burst panics within the panic window and scales up",
                        Scenario.of(DEFAULTS, 10, burst, 124),
                        24,
                        PANIC),
                arguments(
                        "panic keeps raising: 6 s of 210 at 126 s want 30",
                        Scenario.of(DEFAULTS, 10, burst, 126),
                        30,
                        PANIC),
                arguments(
                        "no scale down during panic after the burst is over",
                        Scenario.of(DEFAULTS, 10, burst, 184),
                        30,
                        PANIC),
                arguments(
                        "panic ends a stable window after the last trigger, halving 30",
                        Scenario.of(DEFAULTS, 10, burst, 186),
                        15,
                        REACTIVE),
                arguments(
                        "back in stable mode, the stable window decides",
                        Scenario.of(DEFAULTS, 10, burst, 188),
                        11,
                        REACTIVE),
                arguments(
                        "after panic, scale down at most halves: 100 to 50",
                        Scenario.of(DEFAULTS, 1, spike, 184),
                        50,
                        REACTIVE),
                arguments(
                        "after panic, scale down at most halves: 50 to 25",
                        Scenario.of(DEFAULTS, 1, spike, 186),
                        25,
                        REACTIVE),
                arguments(
                        "burst above max is capped at max",
                        Scenario.of(AutoscalerSettings.of(1, 20, 10), 10, spike, 122),
                        20,
                        BOUNDS),
                arguments(
                        "scale to zero waits for a stable window without load",
                        Scenario.of(TO_ZERO, 1, steady(0), 58),
                        1,
                        STABILISATION),
                arguments(
                        "scale to zero after a stable window without load",
                        Scenario.of(TO_ZERO, 1, steady(0), 60),
                        0,
                        REACTIVE),
                arguments(
                        "stays at zero without load",
                        Scenario.of(TO_ZERO, 0, steady(0), 120),
                        0,
                        NO_CHANGE),
                arguments(
                        "arrivals at zero wake the model (activator stand-in)",
                        Scenario.of(TO_ZERO, 0, steady(3), 2),
                        1,
                        REACTIVE),
                arguments(
                        "min 1 never scales to zero",
                        Scenario.of(DEFAULTS, 1, steady(0), 120),
                        1,
                        BOUNDS),
                arguments(
                        "enable-scale-to-zero false keeps one replica",
                        Scenario.of(
                                TO_ZERO.withKpa(KpaConfig.defaults().withScaleToZero(false)),
                                1,
                                steady(0),
                                120),
                        1,
                        BOUNDS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scales(String name, Scenario scenario, int wantReplicas, ScalingReason wantReason) {
        ScaleDecision got = scenario.run("kpa");

        assertThat(got.desiredReplicas()).as(got.explanation()).isEqualTo(wantReplicas);
        assertThat(got.reason()).as(got.explanation()).isEqualTo(wantReason);
    }

    @Test
    void holdsWithoutMetrics() {
        ScaleDecision got = Autoscalers.create("kpa", DEFAULTS).decide(2 * SECOND, 3, 3);

        assertThat(got.desiredReplicas()).isEqualTo(3);
        assertThat(got.reason()).isEqualTo(STALENESS);
    }

    @Test
    void ticksEveryTwoSeconds() {
        assertThat(Autoscalers.create("kpa", DEFAULTS).tickNanos()).isEqualTo(2 * SECOND);
    }
}
