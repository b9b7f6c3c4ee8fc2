package io.inferscale.core.scaling;

import static io.inferscale.contracts.ScalingReason.BOUNDS;
import static io.inferscale.contracts.ScalingReason.NO_CHANGE;
import static io.inferscale.contracts.ScalingReason.REACTIVE;
import static io.inferscale.contracts.ScalingReason.STABILISATION;
import static io.inferscale.contracts.ScalingReason.STALENESS;
import static io.inferscale.core.scaling.Scenario.SECOND;
import static io.inferscale.core.scaling.Workload.steady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.contracts.ScalingReason;
import io.inferscale.core.scaling.HpaScalingRules.Policy;
import io.inferscale.core.scaling.HpaScalingRules.SelectPolicy;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Target 10 in flight per replica throughout; decisions every 15 s. */
class HpaAutoscalerTest {
    private static final AutoscalerSettings DEFAULTS = AutoscalerSettings.of(1, 40, 10);

    static Stream<Arguments> scenarios() {
        AutoscalerSettings slowPods =
                DEFAULTS.withHpa(
                        HpaConfig.defaults()
                                .withScaleUp(
                                        new HpaScalingRules(
                                                Duration.ZERO,
                                                SelectPolicy.MAX,
                                                List.of(Policy.pods(4, Duration.ofSeconds(60))))));
        AutoscalerSettings halving =
                DEFAULTS.withHpa(
                        HpaConfig.defaults()
                                .withScaleDown(
                                        new HpaScalingRules(
                                                Duration.ZERO,
                                                SelectPolicy.MAX,
                                                List.of(
                                                        Policy.percent(
                                                                50, Duration.ofSeconds(15))))));
        Workload halvesAt300 = steady(100).then(300, 50);
        return Stream.of(
                arguments(
                        "within tolerance (1.08) keeps replicas",
                        Scenario.of(DEFAULTS, 4, steady(43.2), 15),
                        4,
                        NO_CHANGE),
                arguments(
                        "outside tolerance (1.15) scales to ceil(4 * 1.15)",
                        Scenario.of(DEFAULTS, 4, steady(46), 15),
                        5,
                        REACTIVE),
                arguments(
                        "doubling load doubles replicas",
                        Scenario.of(DEFAULTS, 10, steady(200), 15),
                        20,
                        REACTIVE),
                arguments(
                        "10x load on 2 replicas adds max(4 pods, 100%) = 4",
                        Scenario.of(DEFAULTS, 2, steady(200), 15), 6, REACTIVE),
                arguments(
                        "10x load on 2 replicas: second period doubles 6 to 12",
                        Scenario.of(DEFAULTS, 2, steady(200), 30),
                        12,
                        REACTIVE),
                arguments(
                        "10x load on 2 replicas: third period reaches 20",
                        Scenario.of(DEFAULTS, 2, steady(200), 45),
                        20,
                        REACTIVE),
                arguments(
                        "10x load on 10 replicas only doubles per period",
                        Scenario.of(DEFAULTS, 10, steady(1000), 15),
                        20,
                        REACTIVE),
                arguments(
                        "60 s pods policy counts the scale-up 15 s ago",
                        Scenario.of(slowPods, 2, steady(200), 30),
                        6,
                        STABILISATION),
                arguments(
                        "60 s pods policy allows 4 more once the period has passed",
                        Scenario.of(slowPods, 2, steady(200), 75),
                        10,
                        REACTIVE),
                arguments(
                        "scale down held by the 300 s window, 285 s after the last high",
                        Scenario.of(DEFAULTS, 10, halvesAt300, 585),
                        10,
                        STABILISATION),
                arguments(
                        "scale down released 300 s after the last high recommendation",
                        Scenario.of(DEFAULTS, 10, halvesAt300, 600),
                        5,
                        REACTIVE),
                arguments(
                        "50% per 15 s scale-down policy halves",
                        Scenario.of(halving, 10, steady(20), 15), 5, REACTIVE),
                arguments(
                        "recommendation above max is capped at max",
                        Scenario.of(AutoscalerSettings.of(1, 6, 10), 4, steady(200), 15),
                        6,
                        BOUNDS),
                arguments(
                        "current above max is brought down to max",
                        Scenario.of(AutoscalerSettings.of(1, 10, 10), 12, steady(120), 15),
                        10,
                        BOUNDS),
                arguments(
                        "current below min is brought up to min",
                        Scenario.of(AutoscalerSettings.of(3, 10, 10), 0, steady(0), 15),
                        3,
                        BOUNDS),
                arguments(
                        "zero load with min 1 scales to 1",
                        Scenario.of(DEFAULTS, 4, steady(0), 15),
                        1,
                        BOUNDS),
                arguments(
                        "zero load at min 1 stays at 1",
                        Scenario.of(DEFAULTS, 1, steady(0), 60),
                        1,
                        BOUNDS),
                arguments(
                        "min 0 is floored at 1: no scale to zero on a pods metric",
                        Scenario.of(AutoscalerSettings.of(0, 10, 10), 2, steady(0), 15),
                        1,
                        BOUNDS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scales(String name, Scenario scenario, int wantReplicas, ScalingReason wantReason) {
        ScaleDecision got = scenario.run("hpa");

        assertThat(got.desiredReplicas()).as(got.explanation()).isEqualTo(wantReplicas);
        assertThat(got.reason()).as(got.explanation()).isEqualTo(wantReason);
        assertThat(got.explanation()).isNotBlank();
    }

    @Test
    void holdsWithoutMetricsFromReadyReplicas() {
        ReplicaAutoscaler hpa = Autoscalers.create("hpa", DEFAULTS);
        hpa.observe(0, new LoadSample(0, 50, 0));

        ScaleDecision got = hpa.decide(15 * SECOND, 3, 0);

        assertThat(got.desiredReplicas()).isEqualTo(3);
        assertThat(got.reason()).isEqualTo(STALENESS);
    }

    @Test
    void ticksEveryFifteenSeconds() {
        assertThat(Autoscalers.create("hpa", DEFAULTS).tickNanos()).isEqualTo(15 * SECOND);
    }
}
