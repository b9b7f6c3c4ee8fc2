package io.inferscale.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.core.routing.learned.LearnedRouting;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicySelectionTest {

    private static PolicySelection selection() {
        return new PolicySelection(
                "p2c", new LearnedRouting(model -> null, Clock.systemUTC(), (m, r) -> {}));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("assigned known policy", Map.of("m", "rr"), "m", "rr"),
                Arguments.of("no assignment: default", Map.of("other", "rr"), "m", "p2c"),
                Arguments.of("unknown name: default", Map.of("m", "no-such-policy"), "m", "p2c"),
                Arguments.of("rl is a known name", Map.of("m", "rl"), "m", "rl"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void policyOf(String name, Map<String, String> assigned, String model, String expected) {
        PolicySelection s = selection();
        s.assignAll(assigned);
        assertThat(s.policyOf(model)).isEqualTo(expected);
        assertThat(s.chooserFor(model).policy()).isEqualTo(expected);
    }

    @Test
    void keepsTheChooserUntilThePolicyChanges() {
        PolicySelection s = selection();
        s.assignAll(Map.of("m", "rr"));
        PolicySelection.Selected first = s.chooserFor("m");
        assertThat(s.chooserFor("m")).isSameAs(first);

        s.assignAll(Map.of("m", "least-request"));
        PolicySelection.Selected changed = s.chooserFor("m");
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.policy()).isEqualTo("least-request");
        assertThat(s.chooserFor("m")).isSameAs(changed);
    }
}
