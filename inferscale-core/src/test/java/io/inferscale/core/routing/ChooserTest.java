package io.inferscale.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChooserTest {
    private static final RoutingRequest REQ = RoutingRequest.of("m");

    /** A fleet whose replica i has inFlight[i] requests in flight. */
    static List<ReplicaLoad> fleet(int... inFlight) {
        List<ReplicaLoad> fleet = new ArrayList<>();
        for (int i = 0; i < inFlight.length; i++) {
            ReplicaLoad r = new ReplicaLoad("r" + i, "http://h:" + (9000 + i));
            for (int k = 0; k < inFlight[i]; k++) r.onStart();
            fleet.add(r);
        }
        return fleet;
    }

    static Map<String, Integer> picks(String policy, List<ReplicaLoad> fleet, int n) {
        ReplicaChooser chooser = RoutingPolicies.create(policy);
        SplittableRandom random = new SplittableRandom(42);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(chooser.choose(fleet, REQ, random).replicaId(), 1, Integer::sum);
        }
        return counts;
    }

    /** Expected share of picks per replica; replicas not listed must never be picked. */
    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "rr spreads evenly whatever the load",
                        "rr",
                        new int[] {5, 0, 0},
                        Map.of("r0", 1 / 3.0, "r1", 1 / 3.0, "r2", 1 / 3.0)),
                arguments(
                        "least-request always takes the idle replica",
                        "least-request",
                        new int[] {3, 0, 2},
                        Map.of("r1", 1.0)),
                arguments(
                        "least-request splits ties evenly",
                        "least-request",
                        new int[] {1, 1, 9},
                        Map.of("r0", 0.5, "r1", 0.5)),
                arguments(
                        "p2c never takes the busiest of three",
                        "p2c",
                        new int[] {1, 2, 9},
                        Map.of("r0", 2 / 3.0, "r1", 1 / 3.0)),
                arguments("p2c with one replica takes it", "p2c", new int[] {4}, Map.of("r0", 1.0)),
                arguments(
                        "random covers everyone",
                        "random",
                        new int[] {0, 0, 0},
                        Map.of("r0", 1 / 3.0, "r1", 1 / 3.0, "r2", 1 / 3.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesAsSpecified(String name, String policy, int[] inFlight, Map<String, Double> share) {
        int n = 3000;
        Map<String, Integer> got = picks(policy, fleet(inFlight), n);
        assertThat(got.keySet()).isEqualTo(share.keySet());
        share.forEach(
                (id, want) ->
                        assertThat(got.get(id) / (double) n).as(id).isCloseTo(want, within(0.05)));
    }

    @Test
    void unknownPolicyNamesTheKnownOnes() {
        assertThatThrownBy(() -> RoutingPolicies.create("magic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("least-request")
                .hasMessageContaining("p2c");
    }
}
