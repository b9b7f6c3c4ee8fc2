package io.inferscale.core.scaling.hybrid;

import static io.inferscale.core.scaling.hybrid.Given.DECIDER;
import static io.inferscale.core.scaling.hybrid.Given.NOW;
import static io.inferscale.core.scaling.hybrid.Given.S;
import static io.inferscale.core.scaling.hybrid.Given.forecastFor;
import static io.inferscale.core.scaling.hybrid.Given.policy;
import static io.inferscale.core.scaling.hybrid.Given.settled;
import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.ScalingReason;
import io.inferscale.core.scaling.ScalingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Decisions every 15 s, each applied at once, with the state passed from one to the next. */
class HybridDeciderSequenceTest {

    private static final long TICK = 15 * S;

    /** The replica counts decided at t = 15 s, 30 s, ... up to {@code seconds}. */
    private static List<HybridDecision> run(
            int start,
            DeciderState state,
            long seconds,
            LongFunction<DemandView> demandAt,
            LongFunction<ForecastView> forecastAt) {
        ScalingPolicy policy = policy();
        List<HybridDecision> decisions = new ArrayList<>();
        int current = start;
        for (long t = NOW + TICK; t <= NOW + seconds * S; t += TICK) {
            HybridDecision d =
                    DECIDER.decide(
                            new FleetView(current, current),
                            demandAt.apply(t),
                            forecastAt.apply(t),
                            policy,
                            state,
                            t);
            decisions.add(d);
            state = d.nextState();
            current = d.desiredReplicas();
        }
        return decisions;
    }

    private static DemandView steady(long t, double concurrency) {
        return new DemandView(t, concurrency, concurrency, concurrency / Given.LATENCY);
    }

    private static ForecastView forecastAt(long t, int replicas) {
        ForecastView f = forecastFor(replicas);
        return ForecastView.ofRequests(
                t - 30 * S, f.stepNanos(), f.p90RequestsPerSecond(), f.forecaster());
    }

    @Test
    void scaleInWaitsOneDownWindowAfterTheLastHighProposal() {
        // 8 replicas were right until now; then the load halves and the forecast agrees.
        List<HybridDecision> d = run(8, settled(8), 600, t -> steady(t, 40), t -> forecastAt(t, 4));

        // The fresh history holds only the settled 8 from 600 s ago, so the first decision scales
        // in; a history with 8 proposed just now holds it for 300 s instead:
        assertThat(d.get(0).desiredReplicas()).isEqualTo(4);
        DeciderState justProposed8 =
                new DeciderState(
                        List.of(new DeciderState.Recommendation(NOW, 8)),
                        DeciderState.NEVER,
                        0,
                        Given.LATENCY);
        List<HybridDecision> held =
                run(8, justProposed8, 600, t -> steady(t, 40), t -> forecastAt(t, 4));
        for (HybridDecision h : held.subList(0, 19)) { // t = 15 s .. 285 s
            assertThat(h.desiredReplicas()).as(h.explanation()).isEqualTo(8);
            assertThat(h.reason()).isEqualTo(ScalingReason.STABILISATION);
        }
        assertThat(held.get(19).desiredReplicas()).as("at 300 s").isEqualTo(4);
        assertThat(held.get(19).reason()).isEqualTo(ScalingReason.REACTIVE);
    }

    @Test
    void panicHoldsTheFleetForOneStableWindowAfterTheLastBurst() {
        // A burst for the first 30 s, then a tenth of the load.
        LongFunction<DemandView> demand =
                t -> t <= NOW + 30 * S ? new DemandView(t, 40, 120, 20) : steady(t, 4);
        List<HybridDecision> d = run(4, settled(4), 450, demand, t -> forecastAt(t, 1));

        assertThat(d.get(0).reason()).isEqualTo(ScalingReason.PANIC);
        assertThat(d.get(0).desiredReplicas()).isEqualTo(9); // 4 + max step 5
        // At 30 s the same burst is no longer 2x of the 9 replicas: 15 s was the last crossing.
        assertThat(d.get(1).desiredReplicas()).isEqualTo(12); // 120 / 10
        for (HybridDecision h : d.subList(1, 5)) { // t = 30 s .. 75 s: within 60 s of it
            assertThat(h.desiredReplicas()).as(h.explanation()).isEqualTo(12);
            assertThat(h.reason()).isEqualTo(ScalingReason.PANIC);
        }
        // Out of panic the scale-down window still remembers the 12s proposed during it.
        assertThat(d.get(5).terms().panic()).isNull();
        assertThat(d.get(5).desiredReplicas()).isEqualTo(12);
        assertThat(d.get(5).reason()).isEqualTo(ScalingReason.STABILISATION);
        // ... until 300 s after the last of them (75 s), then it steps down by max step.
        assertThat(d.get(23).desiredReplicas()).as("at 360 s").isEqualTo(12);
        assertThat(d.get(24).desiredReplicas()).as("at 375 s").isEqualTo(7);
        assertThat(d.get(25).desiredReplicas()).as("at 390 s").isEqualTo(2);
        assertThat(d.get(d.size() - 1).desiredReplicas()).as("at 450 s").isEqualTo(1);
    }

    @Test
    void theLatencyMeasuredUnderLoadConvertsAForecastAfterAnIdlePeriod() {
        // 2 s per request under load, then no arrivals at all for 10 minutes, then a forecast.
        List<HybridDecision> d =
                run(
                        4,
                        settled(4),
                        900,
                        t -> t <= NOW + 60 * S ? steady(t, 40) : new DemandView(t, 0, 0, 0),
                        t -> t < NOW + 840 * S ? null : forecastAt(t, 6));

        HybridDecision last = d.get(d.size() - 1);
        assertThat(last.inputs().latencySeconds()).isEqualTo(2.0);
        assertThat(last.terms().forecast()).isEqualTo(6);
        assertThat(last.reason()).isEqualTo(ScalingReason.FORECAST);
    }

    @Test
    void theSameInputsGiveTheSameDecision() {
        DemandView demand = steady(NOW, 55);
        ForecastView forecast = forecastFor(7);
        HybridDecision a =
                DECIDER.decide(new FleetView(5, 4), demand, forecast, policy(), settled(5), NOW);
        HybridDecision b =
                DECIDER.decide(new FleetView(5, 4), demand, forecast, policy(), settled(5), NOW);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void theAuditMapsCarryEveryTermAndInput() {
        HybridDecision d =
                DECIDER.decide(
                        new FleetView(4, 4),
                        steady(NOW - 5 * S, 40),
                        forecastFor(8),
                        policy(),
                        settled(4),
                        NOW);

        assertThat(d.termMap())
                .containsEntry("reactive", 4.0)
                .containsEntry("forecast", 8.0)
                .containsEntry("proposal", 8.0)
                .containsEntry("stabilised", 8.0)
                .doesNotContainKey("panic");
        assertThat(d.inputMap())
                .containsEntry("stable_concurrency", 40.0)
                .containsEntry("requests_per_second", 20.0)
                .containsEntry("latency_seconds", 2.0)
                .containsEntry("forecast_p90_requests_per_second", 40.0)
                .containsEntry("telemetry_age_seconds", 5.0)
                .containsEntry("forecast_age_seconds", 30.0);
        assertThat(d.toScaleDecision().desiredReplicas()).isEqualTo(8);
    }

    @Test
    void staleTelemetryLeavesTheStateAsItWasAndRaisesTheAlert() {
        DeciderState before = settled(4);
        HybridDecision d =
                DECIDER.decide(
                        new FleetView(4, 4),
                        steady(NOW - 120 * S, 400),
                        forecastFor(12),
                        policy(),
                        before,
                        NOW);

        assertThat(d.telemetryStale()).isTrue();
        assertThat(d.nextState()).isEqualTo(before);
        assertThat(d.termMap()).isEmpty();
        assertThat(d.explanation()).contains("120.0 s old").contains("holding 4");
    }
}
