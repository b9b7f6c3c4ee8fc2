package io.inferscale.core.routing.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inferscale.core.routing.ReplicaLoad;
import io.inferscale.core.routing.RoutingPolicies;
import io.inferscale.core.routing.RoutingRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LearnedChooserTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RoutingRequest REQUEST = new RoutingRequest("m", 0, new long[0]);

    final Map<String, LearnedPolicy> policies = new HashMap<>();
    final List<String> fallbacks = new ArrayList<>();
    final LearnedChooser chooser =
            (LearnedChooser)
                    RoutingPolicies.create(
                            "rl",
                            new LearnedRouting(
                                    policies::get,
                                    CLOCK,
                                    (model, reason) -> fallbacks.add(model + ":" + reason)));

    /** Score = -1 x the feature: the lowest value wins. */
    static LearnedPolicy lowest(String feature, Instant expiresAt) {
        return LearnedPolicy.of(
                "m",
                1,
                "test",
                expiresAt,
                List.of(feature),
                List.of(1, 1),
                List.of(-1.0, 0.0),
                "p2c");
    }

    static List<ReplicaLoad> fleet() {
        ReplicaLoad fast = new ReplicaLoad("fast", "a");
        ReplicaLoad slow = new ReplicaLoad("slow", "b");
        ReplicaLoad busy = new ReplicaLoad("busy", "c");
        fast.onStart();
        fast.onComplete(1_000_000L, 10_000_000L, true); // 10 ms
        slow.onStart();
        slow.onComplete(1_000_000L, 500_000_000L, true); // 500 ms
        busy.onStart();
        busy.onComplete(1_000_000L, 10_000_000L, true);
        for (int i = 0; i < 5; i++) busy.onStart();
        return List.of(fast, slow, busy);
    }

    @Test
    void takesTheReplicaThePolicyScoresHighest() {
        List<ReplicaLoad> fleet = fleet();
        SplittableRandom random = new SplittableRandom(1);
        Map<String, String> byFeature =
                Map.of(
                        "latency_ewma_s", "fast|busy",
                        "expected_wait_s", "fast",
                        "in_flight", "fast|slow",
                        "in_flight_rel", "fast|slow");
        byFeature.forEach(
                (feature, expected) -> {
                    policies.put("m", lowest(feature, NOW.plusSeconds(60)));
                    for (int i = 0; i < 50; i++) {
                        assertThat(chooser.choose(fleet, REQUEST, random).replicaId())
                                .as(feature)
                                .matches(expected);
                    }
                });
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void tiesAreBrokenAtRandom() {
        policies.put("m", lowest("consecutive_failures", NOW.plusSeconds(60)));
        SplittableRandom random = new SplittableRandom(2);
        Map<String, Integer> got = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            got.merge(chooser.choose(fleet(), REQUEST, random).replicaId(), 1, Integer::sum);
        }
        assertThat(got.keySet()).containsExactlyInAnyOrder("fast", "slow", "busy");
        got.values().forEach(n -> assertThat(n).isBetween(850, 1150));
    }

    @Test
    void fallsBackAndSaysWhyWithoutAUsablePolicy() {
        List<ReplicaLoad> fleet = fleet();
        SplittableRandom random = new SplittableRandom(3);
        assertThat(chooser.choose(fleet, REQUEST, random)).isIn(fleet);
        policies.put("m", lowest("in_flight", NOW)); // expires now: stale
        assertThat(chooser.choose(fleet, REQUEST, random)).isIn(fleet);
        assertThat(fallbacks).containsExactly("m:NO_POLICY", "m:EXPIRED");
    }

    @Test
    void refusesAPolicyItCannotEvaluate() {
        assertThatThrownBy(() -> lowest("gpu_temperature", NOW))
                .hasMessageContaining("'gpu_temperature' is not one of");
        assertThatThrownBy(
                        () ->
                                LearnedPolicy.of(
                                        "m",
                                        1,
                                        "t",
                                        NOW,
                                        List.of("in_flight", "in_flight_rel"),
                                        List.of(1, 1),
                                        List.of(1.0, 0.0),
                                        "p2c"))
                .hasMessageContaining("network takes 1 inputs");
        assertThatThrownBy(() -> RoutingPolicies.create("rl"))
                .hasMessageContaining("needs learned policies");
    }
}
