package io.inferscale.core.scaling.hybrid;

import static io.inferscale.contracts.ScalingReason.BOUNDS;
import static io.inferscale.contracts.ScalingReason.FORECAST;
import static io.inferscale.contracts.ScalingReason.NO_CHANGE;
import static io.inferscale.contracts.ScalingReason.PANIC;
import static io.inferscale.contracts.ScalingReason.REACTIVE;
import static io.inferscale.contracts.ScalingReason.STABILISATION;
import static io.inferscale.contracts.ScalingReason.STALENESS;
import static io.inferscale.core.scaling.hybrid.ForecastStatus.DEGRADED;
import static io.inferscale.core.scaling.hybrid.ForecastStatus.MISSING;
import static io.inferscale.core.scaling.hybrid.ForecastStatus.NOT_EVALUATED;
import static io.inferscale.core.scaling.hybrid.ForecastStatus.NO_CAPACITY;
import static io.inferscale.core.scaling.hybrid.ForecastStatus.STALE;
import static io.inferscale.core.scaling.hybrid.ForecastStatus.TOO_SHORT;
import static io.inferscale.core.scaling.hybrid.ForecastStatus.USED;
import static io.inferscale.core.scaling.hybrid.Given.DECIDER;
import static io.inferscale.core.scaling.hybrid.Given.NOW;
import static io.inferscale.core.scaling.hybrid.Given.S;
import static io.inferscale.core.scaling.hybrid.Given.burst;
import static io.inferscale.core.scaling.hybrid.Given.fleet;
import static io.inferscale.core.scaling.hybrid.Given.forecast;
import static io.inferscale.core.scaling.hybrid.Given.forecastFor;
import static io.inferscale.core.scaling.hybrid.Given.load;
import static io.inferscale.core.scaling.hybrid.Given.panickedAgo;
import static io.inferscale.core.scaling.hybrid.Given.policy;
import static io.inferscale.core.scaling.hybrid.Given.recommended;
import static io.inferscale.core.scaling.hybrid.Given.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.contracts.ScalingReason;
import io.inferscale.core.scaling.ScalingPolicy;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One decision per case, on the standard model of {@link Given}: target 10 in flight per replica, 2
 * s per request (so the forecast term is {@code ceil(p90 rps / 5)}), bounds [1, 20], max step 5,
 * scale-down window 300 s.
 */
class HybridDeciderTest {

    /** The inputs of one decision and what it must answer. */
    record Case(
            FleetView fleet,
            DemandView demand,
            ForecastView forecast,
            ScalingPolicy policy,
            DeciderState state,
            int desired,
            ScalingReason reason,
            ForecastStatus forecastStatus) {}

    static Case given(
            FleetView fleet,
            DemandView demand,
            ForecastView forecast,
            DeciderState state,
            int desired,
            ScalingReason reason,
            ForecastStatus status) {
        return new Case(fleet, demand, forecast, policy(), state, desired, reason, status);
    }

    static Stream<Arguments> cases() {
        ScalingPolicy minThree = policy(3, 20, 5, Duration.ZERO, Duration.ofMinutes(5), null);
        ScalingPolicy upWindow =
                policy(1, 20, 5, Duration.ofSeconds(60), Duration.ofMinutes(5), null);
        ScalingPolicy toZero = policy(0, 20, 5, Duration.ZERO, Duration.ofMinutes(5), null);
        ScalingPolicy tokens = policy(1, 20, 5, Duration.ZERO, Duration.ofMinutes(5), 100.0);
        ForecastView degraded =
                new ForecastView(
                        NOW - 30 * S,
                        60 * S,
                        new double[] {50, 50, 50, 50, 50},
                        null,
                        "test",
                        true,
                        "input 20 minutes old");
        ForecastView stale =
                ForecastView.ofRequests(NOW - 11 * 60 * S, 60 * S, new double[20], "test");
        ForecastView oneStep =
                ForecastView.ofRequests(NOW - 30 * S, 60 * S, new double[] {50}, "test");
        ForecastView tokensForecast =
                new ForecastView(
                        NOW - 30 * S,
                        60 * S,
                        new double[] {1, 1, 1, 1, 1},
                        new double[] {700, 700, 700, 700, 700},
                        "test",
                        false,
                        null);
        DeciderState neverMeasured = DeciderState.initial();
        return Stream.of(
                arguments(
                        "NO_CHANGE: load at target, forecast agrees",
                        given(fleet(4), load(40), forecastFor(4), settled(4), 4, NO_CHANGE, USED)),
                arguments(
                        "NO_CHANGE: within the 10% tolerance (43 vs 40)",
                        given(fleet(4), load(43), forecastFor(3), settled(4), 4, NO_CHANGE, USED)),
                arguments(
                        "REACTIVE: 1.75 times the load (below panic), 7 replicas",
                        given(fleet(4), load(70), forecastFor(4), settled(4), 7, REACTIVE, USED)),
                arguments(
                        "REACTIVE: half the load, half the replicas once the window is past",
                        given(fleet(8), load(40), forecastFor(2), settled(8), 4, REACTIVE, USED)),
                arguments(
                        "FORECAST: a jump is limited to max step (4 -> 9, not 20)",
                        given(fleet(4), load(40), forecastFor(20), settled(4), 9, FORECAST, USED)),
                arguments(
                        "FORECAST: scale up ahead of demand the reactive term cannot see yet",
                        given(fleet(4), load(40), forecastFor(8), settled(4), 8, FORECAST, USED)),
                arguments(
                        "FORECAST: the forecast limits a scale-in the reactive term allows",
                        given(fleet(8), load(40), forecastFor(6), settled(8), 6, FORECAST, USED)),
                arguments(
                        "FORECAST: the forecast alone keeps capacity the reactive term releases",
                        given(fleet(8), load(40), forecastFor(8), settled(8), 8, FORECAST, USED)),
                arguments(
                        "never scale in on the forecast alone: load within tolerance, forecast low",
                        given(fleet(8), load(78), forecastFor(2), settled(8), 8, NO_CHANGE, USED)),
                arguments(
                        "STABILISATION: a scale-in waits for the 300 s window (8 asked 100 s ago)",
                        given(
                                fleet(8),
                                load(40),
                                forecastFor(2),
                                recommended(8, 100),
                                8,
                                STABILISATION,
                                USED)),
                arguments(
                        "STABILISATION: a fresh decider does not scale in before one window",
                        given(
                                fleet(8),
                                load(40),
                                forecastFor(2),
                                DeciderState.initial(),
                                8,
                                STABILISATION,
                                USED)),
                arguments(
                        "STABILISATION: a 60 s scale-up window holds the lowest recent proposal",
                        new Case(
                                fleet(4),
                                load(70),
                                forecastFor(4),
                                upWindow,
                                recommended(4, 30),
                                4,
                                STABILISATION,
                                USED)),
                arguments(
                        "PANIC: a burst of 2x capacity scales up at once, by max step",
                        given(
                                fleet(4),
                                burst(40, 100),
                                forecastFor(4),
                                settled(4),
                                9,
                                PANIC,
                                USED)),
                arguments(
                        "PANIC: no scale-down within 60 s of the last burst",
                        given(
                                fleet(8),
                                load(20),
                                forecastFor(2),
                                panickedAgo(30, 8),
                                8,
                                PANIC,
                                USED)),
                arguments(
                        "panic over after 60 s: scale in again (by max step)",
                        given(
                                fleet(8),
                                load(20),
                                forecastFor(2),
                                panickedAgo(61, 8),
                                3,
                                REACTIVE,
                                USED)),
                arguments(
                        "BOUNDS: above max after a policy edit goes straight to max",
                        given(
                                fleet(25),
                                load(400),
                                forecastFor(4),
                                settled(25),
                                20,
                                BOUNDS,
                                NOT_EVALUATED)),
                arguments(
                        "BOUNDS: below min goes straight to min, ignoring max step",
                        new Case(
                                fleet(0),
                                load(0),
                                null,
                                policy(10, 20, 1, Duration.ZERO, Duration.ZERO, null),
                                settled(0),
                                10,
                                BOUNDS,
                                NOT_EVALUATED)),
                arguments(
                        "BOUNDS: a scale-up capped at max",
                        given(fleet(18), load(400), forecastFor(4), settled(18), 20, BOUNDS, USED)),
                arguments(
                        "BOUNDS: a scale-in floored at min",
                        new Case(
                                fleet(4),
                                load(0),
                                forecast(0),
                                minThree,
                                settled(4),
                                3,
                                BOUNDS,
                                USED)),
                arguments(
                        "STALENESS: telemetry 61 s old holds the fleet",
                        given(
                                fleet(4),
                                new DemandView(NOW - 61 * S, 400, 400, 200),
                                forecastFor(4),
                                settled(4),
                                4,
                                STALENESS,
                                NOT_EVALUATED)),
                arguments(
                        "STALENESS: no telemetry at all holds the fleet",
                        given(
                                fleet(4),
                                null,
                                forecastFor(12),
                                settled(4),
                                4,
                                STALENESS,
                                NOT_EVALUATED)),
                arguments(
                        "REACTIVE: no forecast at all is plain reactive scaling, not a degraded mode",
                        given(fleet(4), load(70), null, settled(4), 7, REACTIVE, MISSING)),
                arguments(
                        "STALENESS: a degraded forecast is ignored",
                        given(fleet(4), load(40), degraded, settled(4), 4, STALENESS, DEGRADED)),
                arguments(
                        "STALENESS: a forecast older than 10 minutes is ignored",
                        given(fleet(4), load(70), stale, settled(4), 7, STALENESS, STALE)),
                arguments(
                        "STALENESS: a forecast that ends before now + lead time is ignored",
                        given(fleet(4), load(40), oneStep, settled(4), 4, STALENESS, TOO_SHORT)),
                arguments(
                        "STALENESS: no latency measured yet, so no capacity to divide by",
                        given(
                                fleet(4),
                                new DemandView(NOW, 0, 0, 0.1),
                                forecastFor(12),
                                neverMeasured,
                                4,
                                STALENESS,
                                NO_CAPACITY)),
                arguments(
                        "tokens/s target: 700 tokens/s p90 at 100 per replica needs 7",
                        new Case(
                                fleet(4),
                                load(40),
                                tokensForecast,
                                tokens,
                                settled(4),
                                7,
                                FORECAST,
                                USED)),
                arguments(
                        "scale from zero: an arrival wakes the model",
                        new Case(
                                new FleetView(0, 0),
                                new DemandView(NOW, 0, 0, 0.2),
                                forecast(0),
                                toZero,
                                settled(0),
                                1,
                                REACTIVE,
                                USED)),
                arguments(
                        "pre-warm from zero: the forecast starts a replica before any request",
                        new Case(
                                new FleetView(0, 0),
                                load(0),
                                forecast(6),
                                toZero,
                                settled(0),
                                2,
                                FORECAST,
                                USED)),
                arguments(
                        "scale to zero: no load and no forecast demand",
                        new Case(
                                fleet(1),
                                load(0),
                                forecast(0),
                                toZero,
                                settled(1),
                                0,
                                REACTIVE,
                                USED)),
                arguments(
                        "replicas still starting are not asked for twice",
                        given(
                                new FleetView(8, 4),
                                load(60),
                                forecastFor(4),
                                settled(8),
                                8,
                                NO_CHANGE,
                                USED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, Case c) {
        HybridDecision d = DECIDER.decide(c.fleet, c.demand, c.forecast, c.policy, c.state, NOW);

        assertThat(d.desiredReplicas()).as(d.explanation()).isEqualTo(c.desired);
        assertThat(d.reason()).as(d.explanation()).isEqualTo(c.reason);
        assertThat(d.forecastStatus()).as(d.explanation()).isEqualTo(c.forecastStatus);
        assertThat(d.telemetryStale())
                .isEqualTo(c.demand == null || c.demand.observedAtNanos() < NOW - 60 * S);
    }
}
