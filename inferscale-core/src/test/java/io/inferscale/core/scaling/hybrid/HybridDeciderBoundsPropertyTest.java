package io.inferscale.core.scaling.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.ScalingMode;
import io.inferscale.core.scaling.ScalingPolicy;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for any policy, fleet, demand, forecast and history, the decision lies within [min,
 * max], and when the fleet was within the bounds it moves by at most max step. Each case is one
 * seed (a random policy and 25 decisions in a row, each fed the previous one's state, with random
 * jumps in time, load, readiness and forecast quality), so a failure names the seed that reproduces
 * it.
 *
 * <p>A seeded parameterised test rather than jqwik: jqwik 1.10.1 is built on JUnit Platform 1.x
 * while this build runs JUnit 6, and its authors ask that it not be used by AI coding agents.
 */
class HybridDeciderBoundsPropertyTest {
    private static final long S = 1_000_000_000L;
    private static final int SEEDS = 2_000;
    private static final int DECISIONS = 25;

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void desiredStaysWithinBoundsAndMaxStep(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ScalingPolicy policy = randomPolicy(random);
        HybridDecider decider = new HybridDecider(randomSettings(random));
        DeciderState state = DeciderState.initial();
        long now = random.nextLong(-1_000_000 * S, 1_000_000 * S);
        int current = random.nextInt(0, policy.maxReplicas() + 5);

        for (int i = 0; i < DECISIONS; i++) {
            now += random.nextInt(8) == 0 ? random.nextLong(0, 900 * S) : 15 * S;
            if (random.nextInt(10) == 0) {
                current = random.nextInt(0, policy.maxReplicas() + 10); // someone else resized
            }
            int ready = random.nextInt(0, current + 3);
            boolean inBounds = current >= policy.minReplicas() && current <= policy.maxReplicas();

            HybridDecision d =
                    decider.decide(
                            new FleetView(current, ready),
                            randomDemand(random, now),
                            randomForecast(random, now),
                            policy,
                            state,
                            now);

            String why = "decision " + i + ": " + d.explanation();
            assertThat(d.desiredReplicas())
                    .as(why)
                    .isBetween(policy.minReplicas(), policy.maxReplicas());
            if (inBounds) {
                assertThat(Math.abs(d.desiredReplicas() - current))
                        .as(why)
                        .isLessThanOrEqualTo(policy.maxStep());
            }
            state = d.nextState();
            current = d.desiredReplicas();
        }
    }

    private static ScalingPolicy randomPolicy(SplittableRandom random) {
        int min = random.nextInt(0, 6);
        int max = Math.max(1, min) + random.nextInt(0, 60);
        return new ScalingPolicy(
                "m",
                min,
                max,
                random.nextDouble(0.1, 100),
                random.nextBoolean() ? null : random.nextDouble(1, 5_000),
                null,
                null,
                Duration.ofSeconds(random.nextInt(0, 900)),
                Duration.ofSeconds(random.nextInt(0, 3) == 0 ? random.nextInt(0, 600) : 0),
                Duration.ofSeconds(random.nextInt(0, 900)),
                random.nextInt(0, 3) == 0 ? 1 + random.nextInt(0, 200) : 1 + random.nextInt(0, 5),
                ScalingMode.AUTO,
                "local",
                "m");
    }

    private static HybridSettings randomSettings(SplittableRandom random) {
        return new HybridSettings(
                random.nextDouble(0, 0.5),
                random.nextDouble(1.1, 10),
                Duration.ofSeconds(random.nextInt(1, 600)),
                Duration.ofSeconds(random.nextInt(1, 300)),
                Duration.ofSeconds(random.nextInt(1, 3_600)),
                random.nextDouble(0.01, 10));
    }

    private static DemandView randomDemand(SplittableRandom random, long now) {
        if (random.nextInt(20) == 0) {
            return null;
        }
        long age =
                random.nextInt(10) == 0 ? random.nextLong(0, 600 * S) : random.nextLong(0, 5 * S);
        double stable = load(random);
        double panic = random.nextInt(5) == 0 ? stable * random.nextDouble(0, 20) : stable;
        double rate = random.nextInt(10) == 0 ? 0 : load(random);
        return new DemandView(now - age, stable, panic, rate);
    }

    private static double load(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> random.nextDouble(0, 1);
            case 2 -> random.nextDouble(0, 1e9); // absurd, to test saturation
            default -> random.nextDouble(0, 5_000);
        };
    }

    private static ForecastView randomForecast(SplittableRandom random, long now) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        int steps = 1 + random.nextInt(30);
        double[] rps = new double[steps];
        double[] tokens = new double[steps];
        for (int h = 0; h < steps; h++) {
            rps[h] = load(random);
            tokens[h] = load(random) * 100;
        }
        long step = (1 + random.nextInt(300)) * S;
        long origin = now - random.nextLong(-120 * S, 3_600 * S);
        boolean degraded = random.nextInt(10) == 0;
        return new ForecastView(
                origin,
                step,
                rps,
                random.nextBoolean() ? tokens : null,
                "random",
                degraded,
                degraded ? "test" : null);
    }
}
