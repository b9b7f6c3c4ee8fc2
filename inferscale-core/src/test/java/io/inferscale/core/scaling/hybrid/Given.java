package io.inferscale.core.scaling.hybrid;

import io.inferscale.contracts.ScalingMode;
import io.inferscale.core.scaling.ScalingPolicy;
import io.inferscale.core.scaling.hybrid.DeciderState.Recommendation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Inputs for decider tests. The standard model: target 10 in flight per replica, bounds [1, 20],
 * max step 5, lead time 120 s, no scale-up window, 300 s scale-down window; requests take 2 s, so a
 * replica at target serves 5 requests/s and the forecast term is {@code ceil(p90 / 5)}.
 */
final class Given {
    static final long S = 1_000_000_000L;
    static final long NOW = 10_000 * S;
    static final double LATENCY = 2.0;
    static final HybridDecider DECIDER = new HybridDecider(HybridSettings.defaults());

    private Given() {}

    static ScalingPolicy policy() {
        return policy(1, 20, 5, Duration.ZERO, Duration.ofMinutes(5), null);
    }

    static ScalingPolicy policy(
            int min, int max, int maxStep, Duration up, Duration down, Double tokensTarget) {
        return new ScalingPolicy(
                "m",
                min,
                max,
                10,
                tokensTarget,
                500,
                null,
                Duration.ofSeconds(120),
                up,
                down,
                maxStep,
                ScalingMode.AUTO,
                "local",
                "m");
    }

    static FleetView fleet(int replicas) {
        return new FleetView(replicas, replicas);
    }

    /** Steady load: the same concurrency in both windows, arriving at concurrency / 2 s. */
    static DemandView load(double concurrency) {
        return new DemandView(NOW, concurrency, concurrency, concurrency / LATENCY);
    }

    static DemandView burst(double stable, double panic) {
        return new DemandView(NOW, stable, panic, stable / LATENCY);
    }

    /** A fresh forecast (origin 30 s ago, 5 one-minute steps) at the same p90 throughout. */
    static ForecastView forecast(double p90RequestsPerSecond) {
        double[] steps = new double[5];
        Arrays.fill(steps, p90RequestsPerSecond);
        return ForecastView.ofRequests(NOW - 30 * S, 60 * S, steps, "test");
    }

    /** A forecast asking for {@code replicas} of the standard model. */
    static ForecastView forecastFor(int replicas) {
        return forecast(replicas * 10 / LATENCY);
    }

    /** A decider that has run for a while: its history is older than every window. */
    static DeciderState settled(int replicas) {
        return new DeciderState(
                List.of(new Recommendation(NOW - 600 * S, replicas)),
                DeciderState.NEVER,
                0,
                LATENCY);
    }

    /** A settled decider that recommended {@code replicas} {@code secondsAgo}. */
    static DeciderState recommended(int replicas, long secondsAgo) {
        return new DeciderState(
                List.of(new Recommendation(NOW - secondsAgo * S, replicas)),
                DeciderState.NEVER,
                0,
                LATENCY);
    }

    static DeciderState panickedAgo(long secondsAgo, int peak) {
        return new DeciderState(
                List.of(new Recommendation(NOW - 600 * S, peak)),
                NOW - secondsAgo * S,
                peak,
                LATENCY);
    }
}
