package io.inferscale.core.scaling;

import static io.inferscale.core.scaling.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.contracts.ScalingReason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutoscalersTest {
    private static final AutoscalerSettings SETTINGS = AutoscalerSettings.of(2, 8, 10);

    @Test
    void listsTheCliNames() {
        assertThat(Autoscalers.names()).containsExactly("hpa", "kpa", "static");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"static", "hpa", "kpa"})
    void createsAFreshInstanceByName(String name) {
        ReplicaAutoscaler a = Autoscalers.create(name, SETTINGS);

        assertThat(a.name()).isEqualTo(name);
        assertThat(a.tickNanos()).isPositive();
        assertThat(Autoscalers.create(name, SETTINGS)).isNotSameAs(a);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "HPA", "keda"})
    void rejectsUnknownNamesListingTheKnownOnes(String name) {
        assertThatThrownBy(() -> Autoscalers.create(name, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known: [hpa, kpa, static]");
    }

    @Test
    void rejectsANullName() {
        assertThatThrownBy(() -> Autoscalers.create(null, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known:");
    }

    static Stream<Arguments> staticCases() {
        return Stream.of(
                arguments("within bounds never changes", 5, 5, ScalingReason.NO_CHANGE),
                arguments("below min comes up to min", 0, 2, ScalingReason.BOUNDS),
                arguments("above max comes down to max", 12, 8, ScalingReason.BOUNDS));
    }

    @ParameterizedTest(name = "static: {0}")
    @MethodSource("staticCases")
    void staticKeepsTheFleet(String name, int current, int want, ScalingReason wantReason) {
        ReplicaAutoscaler fixed = Autoscalers.create("static", SETTINGS);
        fixed.observe(0, new LoadSample(1_000, 1_000, current));

        ScaleDecision got = fixed.decide(15 * SECOND, current, current);

        assertThat(got.desiredReplicas()).isEqualTo(want);
        assertThat(got.reason()).isEqualTo(wantReason);
    }

    @Test
    void sharesBoundsAndTargetWithAScalingPolicy() {
        AutoscalerSettings s = AutoscalerSettings.forPolicy(ScalingPolicyTest.with(0, 3, 4, 1));

        assertThat(s.minReplicas()).isZero();
        assertThat(s.maxReplicas()).isEqualTo(3);
        assertThat(s.targetConcurrencyPerReplica()).isEqualTo(4);
        assertThat(s.hpa()).isEqualTo(HpaConfig.defaults());
        assertThat(s.kpa()).isEqualTo(KpaConfig.defaults());
    }
}
