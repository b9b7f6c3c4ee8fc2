package io.inferscale.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutlierDetectorTest {
    static final long S = 1_000_000_000L;
    static final OutlierPolicy POLICY =
            new OutlierPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(25), 50);

    static List<ReplicaLoad> fleet(int n) {
        List<ReplicaLoad> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(new ReplicaLoad("r" + i, "http://h:" + i));
        return all;
    }

    static void fail(ReplicaLoad r, int times, long now) {
        for (int i = 0; i < times; i++) {
            r.onStart();
            r.onComplete(now, S / 100, false);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("below the threshold stays in", 4, 2, false),
                arguments("at the threshold is ejected", 4, 3, true),
                arguments("a lone replica may still be ejected (at least one)", 1, 3, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ejectsOnAFailureStreak(String name, int replicas, int failures, boolean ejected) {
        OutlierDetector d = new OutlierDetector(POLICY);
        List<ReplicaLoad> all = fleet(replicas);
        fail(all.get(0), failures, 0);
        assertThat(d.afterCompletion(all.get(0), all, 0)).isEqualTo(ejected);
        assertThat(d.routable(all, 1)).hasSize(ejected ? replicas - 1 : replicas);
    }

    @Test
    void respectsTheEjectionBudget() {
        OutlierDetector d = new OutlierDetector(POLICY);
        List<ReplicaLoad> all = fleet(4); // 50% of 4: at most 2 ejected at once
        for (int i = 0; i < 3; i++) {
            fail(all.get(i), 3, 0);
            d.afterCompletion(all.get(i), all, 0);
        }
        assertThat(d.routable(all, 1))
                .extracting(ReplicaLoad::replicaId)
                .containsExactly("r2", "r3");
    }

    @Test
    void ejectionGrowsWithRepeatsUpToTheCapAndExpires() {
        OutlierDetector d = new OutlierDetector(POLICY);
        List<ReplicaLoad> all = fleet(2);
        ReplicaLoad r = all.get(0);
        fail(r, 3, 0);
        d.afterCompletion(r, all, 0);
        assertThat(r.ejectedUntilNanos()).isEqualTo(10 * S);
        assertThat(d.routable(all, 10 * S)).hasSize(2); // expired: readmitted with a clean streak
        assertThat(r.consecutiveFailures()).isZero();
        fail(r, 3, 11 * S);
        d.afterCompletion(r, all, 11 * S);
        assertThat(r.ejectedUntilNanos()).isEqualTo(31 * S); // 2 x 10 s
        assertThat(d.routable(all, 32 * S)).hasSize(2);
        fail(r, 3, 40 * S);
        d.afterCompletion(r, all, 40 * S);
        assertThat(r.ejectedUntilNanos()).isEqualTo(65 * S); // 3 x 10 s capped at 25 s
        assertThat(r.ejections()).isEqualTo(3);
    }
}
