package io.inferscale.core.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Same seed and inputs, same events: the simulator's comparisons between policies depend on it. */
class ReplicaModelDeterminismTest {

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("llm", ReplicaConfig.llmDefaults().withKvCache(60_000, 512)),
                Arguments.of("simple", ReplicaConfig.simpleDefaults()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void sameSeedSameEvents(String name, ReplicaConfig cfg) {
        List<String> first = Scenario.run(new ReplicaModel(cfg, 0.8, 7), workload());
        List<String> again = Scenario.run(new ReplicaModel(cfg, 0.8, 7), workload());
        List<String> otherSeed = Scenario.run(new ReplicaModel(cfg, 0.8, 8), workload());

        assertThat(first.stream().filter(e -> e.contains(" done ") || e.contains(" error ")))
                .as("exactly one completion per request")
                .hasSize(2000);
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed)
                .isNotEqualTo(first); // the error draws (and simple service times) differ
    }

    /** 2,000 Poisson-ish arrivals with shared prefixes, a slowdown, an error rate and a crash. */
    private static List<Scenario.Action> workload() {
        SplittableRandom rnd = new SplittableRandom(99);
        List<Scenario.Action> actions = new ArrayList<>();
        actions.add(Scenario.errorRate(0, 0.05));
        double atMs = 0;
        for (int id = 0; id < 2000; id++) {
            atMs += Math.floor(-Math.log(1 - rnd.nextDouble()) * 5 * 1000) / 1000;
            long[] hashes = new long[rnd.nextInt(4)];
            for (int b = 0; b < hashes.length; b++) {
                hashes[b] = rnd.nextInt(8) * 10 + b; // few distinct prefixes: hits and evictions
            }
            actions.add(
                    Scenario.submit(
                            atMs,
                            id,
                            512 * hashes.length + rnd.nextInt(600),
                            1 + rnd.nextInt(300),
                            hashes));
            if (id == 700) {
                actions.add(Scenario.slowdown(atMs, 1.5));
            }
            if (id == 1400) {
                actions.add(Scenario.crash(atMs));
            }
            if (id == 1420) {
                actions.add(Scenario.restart(atMs));
            }
        }
        return actions;
    }
}
