package io.inferscale.core.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.core.scaling.HpaScalingRules.Policy;
import io.inferscale.core.scaling.HpaScalingRules.SelectPolicy;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever the settings, load and replica readiness, every decision lies within [min,
 * max]. Each case is one seed, so a failure names the seed that reproduces it.
 */
class AutoscalerBoundsPropertyTest {
    private static final int SEEDS_PER_AUTOSCALER = 60;

    static Stream<Arguments> seeds() {
        return Autoscalers.names().stream()
                .flatMap(
                        name ->
                                IntStream.range(0, SEEDS_PER_AUTOSCALER)
                                        .mapToObj(
                                                seed ->
                                                        arguments(
                                                                name + " seed " + seed,
                                                                name,
                                                                seed)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void decisionsStayWithinBounds(String label, String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AutoscalerSettings settings = randomSettings(random);
        ReplicaAutoscaler scaler = Autoscalers.create(name, settings);
        int current = random.nextInt(0, settings.maxReplicas() + 6); // may start out of bounds
        int ready = random.nextInt(0, current + 1);
        double load = random.nextDouble(0, 200);
        long tick = scaler.tickNanos();
        int decisions = 0;

        for (long ms = 0; ms <= 900_000; ms += 500) { // a sample every 500 ms for 15 min
            long now = ms * 1_000_000;
            load = nextLoad(random, load);
            scaler.observe(now, new LoadSample(ready == 0 ? 0 : load, load, ready));
            if (now > 0 && now % tick == 0) {
                ScaleDecision d = scaler.decide(now, current, ready);
                assertThat(d.desiredReplicas())
                        .as("%s at %d ms: %s", label, ms, d.explanation())
                        .isBetween(settings.minReplicas(), settings.maxReplicas());
                decisions++;
                current = random.nextInt(50) == 0 ? random.nextInt(0, 60) : d.desiredReplicas();
            }
            // Replicas become ready gradually; removed ones leave at once.
            ready = Math.min(current, ready + (random.nextInt(4) == 0 ? 1 : 0));
        }
        assertThat(decisions).isPositive();
    }

    private static double nextLoad(SplittableRandom random, double load) {
        int event = random.nextInt(100);
        if (event == 0) {
            return 0; // idle
        }
        if (event == 1) {
            return load * random.nextDouble(2, 20) + 1; // burst
        }
        return Math.max(0, load + random.nextDouble(-5, 5));
    }

    private static AutoscalerSettings randomSettings(SplittableRandom random) {
        int min = random.nextInt(0, 5);
        int max = Math.max(1, min) + random.nextInt(0, 30);
        double target = random.nextDouble(0.5, 50);
        SelectPolicy[] selects = SelectPolicy.values();
        HpaConfig hpa =
                new HpaConfig(
                        Duration.ofSeconds(random.nextInt(1, 31)),
                        random.nextDouble(0, 0.3),
                        Duration.ofSeconds(random.nextInt(1, 61)),
                        new HpaScalingRules(
                                Duration.ofSeconds(random.nextInt(0, 120)),
                                selects[random.nextInt(selects.length)],
                                List.of(
                                        Policy.pods(
                                                random.nextInt(1, 10),
                                                Duration.ofSeconds(random.nextInt(1, 120))),
                                        Policy.percent(
                                                random.nextInt(1, 300), Duration.ofSeconds(15)))),
                        new HpaScalingRules(
                                Duration.ofSeconds(random.nextInt(0, 600)),
                                selects[random.nextInt(selects.length)],
                                List.of(
                                        Policy.percent(
                                                random.nextInt(1, 101),
                                                Duration.ofSeconds(random.nextInt(1, 120))))));
        KpaConfig kpa =
                new KpaConfig(
                        Duration.ofSeconds(random.nextInt(10, 121)),
                        random.nextDouble(10, 100),
                        random.nextDouble(110, 1000),
                        random.nextDouble(0.1, 1),
                        random.nextDouble(1.1, 1000),
                        random.nextDouble(1.1, 10),
                        random.nextBoolean(),
                        Duration.ofSeconds(random.nextInt(1, 11)));
        return new AutoscalerSettings(min, max, target, hpa, kpa);
    }
}
