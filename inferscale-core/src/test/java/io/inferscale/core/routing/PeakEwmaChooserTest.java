package io.inferscale.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PeakEwmaChooserTest {
    private static final long MS = 1_000_000L;
    private static final int NO_SAMPLE = -1;

    /**
     * Replica i has answered one request in latencyMs[i] (none for {@link #NO_SAMPLE}) and has
     * inFlight[i] requests outstanding.
     */
    static List<ReplicaLoad> fleet(int[] latencyMs, int[] inFlight) {
        List<ReplicaLoad> fleet = new ArrayList<>();
        for (int i = 0; i < inFlight.length; i++) {
            ReplicaLoad r = new ReplicaLoad("r" + i, "http://h:" + (9000 + i));
            if (latencyMs[i] != NO_SAMPLE) {
                r.onStart();
                r.onComplete(1_000 * MS, latencyMs[i] * MS, true);
            }
            for (int k = 0; k < inFlight[i]; k++) {
                r.onStart();
            }
            fleet.add(r);
        }
        return fleet;
    }

    /** Expected share of picks per replica; replicas not listed must never be picked. */
    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "without samples it is p2c on in-flight",
                        new int[] {NO_SAMPLE, NO_SAMPLE, NO_SAMPLE},
                        new int[] {1, 2, 9},
                        Map.of("r0", 2 / 3.0, "r1", 1 / 3.0)),
                arguments(
                        "a slow idle replica loses to fast busy ones (100x1 > 10x4)",
                        new int[] {100, 10, 10},
                        new int[] {0, 3, 3},
                        Map.of("r1", 0.5, "r2", 0.5)),
                arguments(
                        "a fast idle replica wins every pair it is in",
                        new int[] {10, 10, 50},
                        new int[] {0, 4, 0},
                        Map.of("r0", 2 / 3.0, "r1", 1 / 6.0, "r2", 1 / 6.0)),
                arguments(
                        "a replica without samples competes on load with its partner's estimate",
                        new int[] {20, NO_SAMPLE, 20},
                        new int[] {2, 0, 2},
                        Map.of("r0", 1 / 6.0, "r1", 2 / 3.0, "r2", 1 / 6.0)),
                arguments(
                        "one replica is always taken",
                        new int[] {500},
                        new int[] {7},
                        Map.of("r0", 1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesByPeakEwmaTimesLoad(
            String name, int[] latencyMs, int[] inFlight, Map<String, Double> share) {
        List<ReplicaLoad> fleet = fleet(latencyMs, inFlight);
        ReplicaChooser chooser = RoutingPolicies.create("peak-ewma");
        SplittableRandom random = new SplittableRandom(7);
        int n = 6000;
        Map<String, Integer> got = new HashMap<>();
        for (int i = 0; i < n; i++) {
            got.merge(
                    chooser.choose(fleet, RoutingRequest.of("m"), random).replicaId(),
                    1,
                    Integer::sum);
        }
        assertThat(got.keySet()).isEqualTo(share.keySet());
        share.forEach(
                (id, want) ->
                        assertThat(got.get(id) / (double) n).as(id).isCloseTo(want, within(0.03)));
    }
}
