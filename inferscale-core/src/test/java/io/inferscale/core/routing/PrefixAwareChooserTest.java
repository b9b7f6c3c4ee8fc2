package io.inferscale.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrefixAwareChooserTest {

    /** Earlier traffic: blocks routed to one replica before the choice under test. */
    record Warm(int replica, long... hashes) {}

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "a full prefix match outweighs the busiest load (3*1 - 2*1 > 0)",
                        new int[] {4, 0, 0},
                        List.of(new Warm(0, 1, 2, 3, 4)),
                        new long[] {1, 2, 3, 4},
                        1024,
                        Map.of("r0", 1.0)),
                arguments(
                        "until that replica is loaded: 9 in flight >= 1.25 * 10/3 + 4 voids its"
                                + " prefix credit, the idle replicas share",
                        new int[] {9, 0, 0},
                        List.of(new Warm(0, 1, 2, 3, 4)),
                        new long[] {1, 2, 3, 4},
                        1024,
                        Map.of("r1", 0.5, "r2", 0.5)),
                arguments(
                        "the bound follows the fleet's load: 9 is not loaded beside 6 and 6",
                        new int[] {9, 6, 6},
                        List.of(new Warm(0, 1, 2, 3, 4)),
                        new long[] {1, 2, 3, 4},
                        1024,
                        Map.of("r0", 1.0)),
                arguments(
                        "a half match does not (3*0.5 - 2*1 < 0): the idle replicas share",
                        new int[] {4, 0, 0},
                        List.of(new Warm(0, 1, 2, 3, 4)),
                        new long[] {1, 2, 9, 8},
                        1024,
                        Map.of("r1", 0.5, "r2", 0.5)),
                arguments(
                        "blocks after a miss are no prefix",
                        new int[] {1, 0, 1},
                        List.of(new Warm(0, 5, 6)),
                        new long[] {1, 5, 6},
                        1024,
                        Map.of("r1", 1.0)),
                arguments(
                        "without hashes it is least-request",
                        new int[] {3, 0, 2},
                        List.of(new Warm(2, 1, 2)),
                        new long[] {},
                        1024,
                        Map.of("r1", 1.0)),
                arguments(
                        "equal matches and loads split evenly",
                        new int[] {0, 0, 0},
                        List.of(new Warm(0, 1, 2), new Warm(1, 1, 2)),
                        new long[] {1, 2},
                        1024,
                        Map.of("r0", 0.5, "r1", 0.5)),
                arguments(
                        "the index is bounded: an evicted block no longer matches",
                        new int[] {1, 0},
                        List.of(new Warm(0, 1, 2, 3)),
                        new long[] {1},
                        2,
                        Map.of("r1", 1.0)),
                arguments(
                        "a block kept in a bounded index still matches",
                        new int[] {1, 0},
                        List.of(new Warm(0, 1, 2, 3)),
                        new long[] {3},
                        2,
                        Map.of("r0", 1.0)));
    }

    /** Each trial starts from a fresh chooser, since a choice also updates the index. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tradesPrefixMatchAgainstLoad(
            String name,
            int[] inFlight,
            List<Warm> warm,
            long[] request,
            int blocksPerReplica,
            Map<String, Double> share) {
        List<ReplicaLoad> fleet = ChooserTest.fleet(inFlight);
        SplittableRandom random = new SplittableRandom(11);
        int n = 2000;
        Map<String, Integer> got = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PrefixAwareChooser chooser =
                    new PrefixAwareChooser(
                            PrefixAwareChooser.DEFAULT_PREFIX_WEIGHT,
                            PrefixAwareChooser.DEFAULT_LOAD_WEIGHT,
                            blocksPerReplica,
                            PrefixAwareChooser.DEFAULT_BALANCE_FACTOR,
                            PrefixAwareChooser.DEFAULT_SLACK);
            for (Warm w : warm) {
                chooser.choose(
                        List.of(fleet.get(w.replica())),
                        new RoutingRequest("m", 0, w.hashes()),
                        random);
            }
            String id =
                    chooser.choose(fleet, new RoutingRequest("m", 0, request), random).replicaId();
            got.merge(id, 1, Integer::sum);
        }
        assertThat(got.keySet()).isEqualTo(share.keySet());
        share.forEach(
                (id, want) ->
                        assertThat(got.get(id) / (double) n).as(id).isCloseTo(want, within(0.05)));
    }

    @Test
    void routingARequestTeachesTheIndexItsBlocks() {
        List<ReplicaLoad> fleet = ChooserTest.fleet(0, 0, 0);
        PrefixAwareChooser chooser = new PrefixAwareChooser();
        SplittableRandom random = new SplittableRandom(3);
        RoutingRequest conversation = new RoutingRequest("m", 1024, new long[] {42, 43});
        ReplicaLoad first = chooser.choose(fleet, conversation, random);
        for (int i = 0; i < 20; i++) {
            assertThat(chooser.choose(fleet, conversation, random)).isSameAs(first);
        }
    }

    @Test
    void rejectsNegativeWeights() {
        assertThatThrownBy(() -> new PrefixAwareChooser(-1, 1, 10, 1.25, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights");
        assertThatThrownBy(() -> new PrefixAwareChooser(3, 2, 10, 0.9, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("balanceFactor");
    }

    @Test
    void bothNewPoliciesAreRegistered() {
        assertThat(RoutingPolicies.names()).contains("peak-ewma", "prefix-aware");
        assertThat(RoutingPolicies.create("prefix-aware")).isInstanceOf(PrefixAwareChooser.class);
        assertThat(RoutingPolicies.create("peak-ewma")).isInstanceOf(PeakEwmaChooser.class);
    }
}
