package io.inferscale.core.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.contracts.ScalingMode;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScalingPolicyTest {
    static ScalingPolicy valid() {
        return new ScalingPolicy(
                "m",
                1,
                10,
                4,
                null,
                500,
                null,
                Duration.ofSeconds(120),
                Duration.ZERO,
                Duration.ofMinutes(5),
                4,
                ScalingMode.AUTO,
                "local",
                "m");
    }

    static ScalingPolicy with(int min, int max, double target, int step) {
        ScalingPolicy v = valid();
        return new ScalingPolicy(
                v.model(),
                min,
                max,
                target,
                v.targetTokensPerSecondPerReplica(),
                v.sloTtftMs(),
                v.sloLatencyMs(),
                v.provisioningLeadTime(),
                v.scaleUpStabilisation(),
                v.scaleDownStabilisation(),
                step,
                v.mode(),
                v.provider(),
                v.target());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments(
                        "min above max",
                        (Runnable) () -> with(5, 4, 1, 1),
                        "minReplicas: must be <= maxReplicas"),
                arguments("negative min", (Runnable) () -> with(-1, 4, 1, 1), "minReplicas"),
                arguments("zero max", (Runnable) () -> with(0, 0, 1, 1), "maxReplicas"),
                arguments(
                        "zero target",
                        (Runnable) () -> with(0, 4, 0, 1),
                        "targetConcurrencyPerReplica"),
                arguments("zero step", (Runnable) () -> with(0, 4, 1, 0), "maxStep"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsNamingTheField(String name, Runnable build, String message) {
        assertThatThrownBy(build::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void allowsScaleToZeroAndClampsIntoBounds() {
        ScalingPolicy p = with(0, 3, 1, 1);
        assertThat(p.clamp(-2)).isZero();
        assertThat(p.clamp(2)).isEqualTo(2);
        assertThat(p.clamp(9)).isEqualTo(3);
    }
}
