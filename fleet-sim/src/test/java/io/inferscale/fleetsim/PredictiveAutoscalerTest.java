package io.inferscale.fleetsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.ScalingMode;
import io.inferscale.contracts.ScalingReason;
import io.inferscale.core.forecast.SeasonalNaive;
import io.inferscale.core.scaling.LoadSample;
import io.inferscale.core.scaling.ScaleDecision;
import io.inferscale.core.scaling.ScalingPolicy;
import io.inferscale.core.scaling.hybrid.HybridDecider;
import io.inferscale.core.scaling.hybrid.HybridSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The predictive autoscaler on a daily step: 10 requests/s until minute 600 of each day, 100 after,
 * each request in flight for 0.5 s, 10 in flight per replica as target. With two days of history
 * the daily seasonal naive knows the step is coming and the decider asks for the capacity one lead
 * time (120 s) before it; without history it can only react.
 */
class PredictiveAutoscalerTest {
    private static final long S = 1_000_000_000L;
    private static final long DAY_MINUTES = 1440;
    private static final int STEP_MINUTE = 600;
    private static final Instant START = Instant.parse("1995-07-01T04:00:00Z");

    private static double perSecond(long minute) {
        return Math.floorMod(minute, DAY_MINUTES) < STEP_MINUTE ? 10 : 100;
    }

    private static ScalingPolicy policy() {
        return new ScalingPolicy(
                "m",
                1,
                50,
                10,
                null,
                null,
                null,
                Duration.ofSeconds(120),
                Duration.ZERO,
                Duration.ofMinutes(5),
                50,
                ScalingMode.AUTO,
                "fleet-sim",
                "m");
    }

    private static PredictiveAutoscaler scaler(boolean withHistory) {
        double[] history = new double[(int) (2 * DAY_MINUTES)];
        for (int m = 0; m < history.length; m++) {
            history[m] = perSecond(m) * 60;
        }
        ForecastFeed feed =
                new ForecastFeed(
                        SeasonalNaive.daily(),
                        START,
                        withHistory ? history : null,
                        0,
                        Duration.ofHours(1),
                        (int) (3 * DAY_MINUTES),
                        5);
        return new PredictiveAutoscaler(
                new HybridDecider(HybridSettings.defaults()), policy(), feed);
    }

    /** Replays day 3 up to {@code untilMinute}; returns the last decision. */
    private static ScaleDecision replayDay3(PredictiveAutoscaler scaler, double untilMinute) {
        long start = 2 * DAY_MINUTES * 60;
        int replicas = 1;
        ScaleDecision last = null;
        for (long s = start + 1; s <= start + (long) (untilMinute * 60); s++) {
            double rate = perSecond(Math.floorDiv(s - 1, 60));
            scaler.observe(s * S, new LoadSample(rate * 0.5, rate, replicas));
            if ((s - start) % 15 == 0) {
                last = scaler.decide(s * S, replicas, replicas);
                replicas = last.desiredReplicas();
            }
        }
        return last;
    }

    @Test
    void scalesUpOneLeadTimeBeforeAStepTheHistoryShows() {
        ScaleDecision before = replayDay3(scaler(true), STEP_MINUTE - 3);
        ScaleDecision ahead = replayDay3(scaler(true), STEP_MINUTE - 1.5);

        assertThat(before.desiredReplicas()).as(before.explanation()).isEqualTo(1);
        // 100 requests/s x 0.5 s = 50 in flight, 10 per replica: 5, while the load is still 10/s.
        assertThat(ahead.desiredReplicas()).as(ahead.explanation()).isEqualTo(5);
        assertThat(ahead.reason()).isEqualTo(ScalingReason.FORECAST);
    }

    @Test
    void withoutHistoryItStaysReactiveUntilTheForecasterHasADay() {
        PredictiveAutoscaler scaler = scaler(false);
        ScaleDecision ahead = replayDay3(scaler, STEP_MINUTE - 1.5);

        assertThat(ahead.desiredReplicas()).as(ahead.explanation()).isEqualTo(1);
        assertThat(ahead.reason()).isEqualTo(ScalingReason.NO_CHANGE);
        assertThat(ahead.explanation()).contains("forecast missing: reactive only");
        assertThat(scaler.forecasts().latest()).isNull();
    }
}
