package io.inferscale.core.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.core.scaling.HpaScalingRules.Policy;
import io.inferscale.core.scaling.HpaScalingRules.SelectPolicy;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AutoscalerConfigTest {
    private static final Duration S15 = Duration.ofSeconds(15);

    @Test
    void defaultsAreUpstreams() {
        HpaConfig hpa = HpaConfig.defaults();
        assertThat(hpa.syncPeriod()).isEqualTo(S15);
        assertThat(hpa.tolerance()).isEqualTo(0.1);
        assertThat(hpa.scaleUp().stabilisationWindow()).isZero();
        assertThat(hpa.scaleUp().policies())
                .containsExactly(Policy.pods(4, S15), Policy.percent(100, S15));
        assertThat(hpa.scaleDown().stabilisationWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(hpa.scaleDown().policies()).containsExactly(Policy.percent(100, S15));

        KpaConfig kpa = KpaConfig.defaults();
        assertThat(kpa.stableWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(kpa.panicWindowNanos()).isEqualTo(Duration.ofSeconds(6).toNanos());
        assertThat(kpa.panicThresholdPercentage()).isEqualTo(200);
        assertThat(kpa.targetUtilisation()).isEqualTo(0.7);
        assertThat(kpa.maxScaleUpRate()).isEqualTo(1000);
        assertThat(kpa.maxScaleDownRate()).isEqualTo(2);
        assertThat(kpa.enableScaleToZero()).isTrue();
        assertThat(kpa.tickInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    static KpaConfig kpa(Duration stable, double panicPct, double thresholdPct, double util) {
        return new KpaConfig(
                stable, panicPct, thresholdPct, util, 1000, 2, true, Duration.ofSeconds(2));
    }

    static Stream<Arguments> invalid() {
        Duration s60 = Duration.ofSeconds(60);
        return Stream.of(
                arguments(
                        "settings min above max",
                        (Runnable) () -> AutoscalerSettings.of(5, 4, 1),
                        "minReplicas"),
                arguments(
                        "settings zero max",
                        (Runnable) () -> AutoscalerSettings.of(0, 0, 1),
                        "maxReplicas"),
                arguments(
                        "settings zero target",
                        (Runnable) () -> AutoscalerSettings.of(0, 4, 0),
                        "targetConcurrencyPerReplica"),
                arguments(
                        "settings NaN target",
                        (Runnable) () -> AutoscalerSettings.of(0, 4, Double.NaN),
                        "targetConcurrencyPerReplica"),
                arguments(
                        "settings without hpa",
                        (Runnable) () -> AutoscalerSettings.of(0, 4, 1).withHpa(null),
                        "hpa"),
                arguments(
                        "hpa zero sync period",
                        (Runnable)
                                () ->
                                        new HpaConfig(
                                                Duration.ZERO,
                                                0.1,
                                                S15,
                                                HpaScalingRules.defaultScaleUp(),
                                                HpaScalingRules.defaultScaleDown()),
                        "syncPeriod"),
                arguments(
                        "hpa negative tolerance",
                        (Runnable)
                                () ->
                                        new HpaConfig(
                                                S15,
                                                -0.1,
                                                S15,
                                                HpaScalingRules.defaultScaleUp(),
                                                HpaScalingRules.defaultScaleDown()),
                        "tolerance"),
                arguments(
                        "hpa window over an hour",
                        (Runnable)
                                () ->
                                        new HpaScalingRules(
                                                Duration.ofHours(2),
                                                SelectPolicy.MAX,
                                                List.of(Policy.pods(1, S15))),
                        "stabilisationWindow"),
                arguments(
                        "hpa rules without policies",
                        (Runnable)
                                () ->
                                        new HpaScalingRules(
                                                Duration.ZERO, SelectPolicy.MAX, List.of()),
                        "policies"),
                arguments(
                        "hpa policy of zero pods",
                        (Runnable) () -> Policy.pods(0, S15),
                        "policy value"),
                arguments(
                        "hpa policy period over 30 min",
                        (Runnable) () -> Policy.percent(10, Duration.ofHours(1)),
                        "policy period"),
                arguments(
                        "kpa stable window under 6 s",
                        (Runnable) () -> kpa(Duration.ofSeconds(5), 100, 200, 0.7),
                        "stableWindow"),
                arguments(
                        "kpa stable window not whole seconds",
                        (Runnable) () -> kpa(Duration.ofMillis(6500), 100, 200, 0.7),
                        "stableWindow"),
                arguments(
                        "kpa panic window under a bucket",
                        (Runnable) () -> kpa(Duration.ofSeconds(6), 10, 200, 0.7),
                        "panicWindowPercentage"),
                arguments(
                        "kpa panic threshold under 110%",
                        (Runnable) () -> kpa(s60, 10, 100, 0.7), "panicThresholdPercentage"),
                arguments(
                        "kpa utilisation above 1",
                        (Runnable) () -> kpa(s60, 10, 200, 1.5),
                        "targetUtilisation"),
                arguments(
                        "kpa scale-down rate of 1",
                        (Runnable)
                                () ->
                                        new KpaConfig(
                                                s60,
                                                10,
                                                200,
                                                0.7,
                                                1000,
                                                1,
                                                true,
                                                Duration.ofSeconds(2)),
                        "maxScaleDownRate"),
                arguments(
                        "sample with negative load",
                        (Runnable) () -> new LoadSample(-1, 0, 1),
                        "inFlight"),
                arguments(
                        "decision below zero",
                        (Runnable)
                                () ->
                                        new ScaleDecision(
                                                -1,
                                                io.inferscale.contracts.ScalingReason.BOUNDS,
                                                ""),
                        "desiredReplicas"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsNamingTheField(String name, Runnable build, String message) {
        assertThatThrownBy(build::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
