package io.inferscale.fleetsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FleetSpecTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("two groups", "2x1.0,1x0.5", List.of(1.0, 1.0, 0.5)),
                arguments("bare count means speed 1", "3", List.of(1.0, 1.0, 1.0)),
                arguments("spaces are fine", " 1x2 , 1x0.25 ", List.of(2.0, 0.25)),
                arguments("an empty fleet", "0x1.0", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesGroupsInOrder(String name, String spec, List<Double> speeds) {
        assertThat(FleetSpec.parse(spec)).isEqualTo(speeds);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("not a count", "ax1.0"),
                arguments("zero speed", "2x0"),
                arguments("negative count", "-1x1.0"),
                arguments("empty group", "2x1.0,"),
                arguments("too many", "200000x1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsMalformedGroups(String name, String spec) {
        assertThatThrownBy(() -> FleetSpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
