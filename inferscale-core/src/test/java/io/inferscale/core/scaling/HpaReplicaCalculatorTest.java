package io.inferscale.core.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** After kubernetes {@code replica_calculator_test.go}; target 10 per replica, tolerance 0.1. */
class HpaReplicaCalculatorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, average per ready replica, current, ready, want
                arguments("within tolerance keeps current", 10.9, 5, 5, 5),
                arguments("scale up to ceil(ready * ratio)", 20.0, 4, 4, 8),
                arguments("scale down to ceil(ready * ratio)", 5.0, 4, 4, 2),
                arguments("zero load wants zero", 0.0, 4, 4, 0),
                arguments("ceil rounds a fraction of a replica up", 11.5, 4, 4, 5),
                arguments("starting replicas count as zero on a scale-up", 30.0, 8, 4, 12),
                arguments("counting starting replicas reverses the direction: hold", 15.0, 8, 4, 8),
                arguments("counting starting replicas lands within tolerance: hold", 21.0, 8, 4, 8),
                arguments("starting replicas are ignored on a scale-down", 5.0, 8, 4, 2),
                arguments("within tolerance with starting replicas keeps current", 9.5, 8, 4, 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void desiredReplicas(String name, double average, int current, int ready, int want) {
        assertThat(HpaReplicaCalculator.desiredReplicas(average, 10, 0.1, current, ready))
                .isEqualTo(want);
    }
}
