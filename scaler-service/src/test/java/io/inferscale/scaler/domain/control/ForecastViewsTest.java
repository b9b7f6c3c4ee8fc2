package io.inferscale.scaler.domain.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.QuantileForecast;
import io.inferscale.core.scaling.hybrid.ForecastView;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForecastViewsTest {
    static final Instant ORIGIN = Instant.parse("2026-11-25T10:00:00Z");

    static DemandForecast forecast(
            String metric, Instant origin, int step, boolean degraded, double... p90) {
        List<Double> values = java.util.Arrays.stream(p90).boxed().toList();
        return new DemandForecast(
                EventMeta.at(1, "test", origin),
                "m",
                metric,
                origin,
                step,
                List.of(
                        new QuantileForecast(0.5, values.stream().map(v -> v / 2).toList()),
                        new QuantileForecast(0.9, values)),
                "dnn",
                "v2",
                1_000,
                degraded,
                degraded ? "gaps" : null);
    }

    static DemandForecast requests(double... p90) {
        return forecast(ForecastViews.REQUEST_RATE, ORIGIN, 60, false, p90);
    }

    @Test
    void aRequestForecastAloneGivesTheP90RateClampedAtZero() {
        ForecastView v = ForecastViews.of(requests(2, -1));
        assertThat(v.p90RequestsPerSecond()).containsExactly(2.0, 0.0);
        assertThat(v.p90OutputTokensPerSecond()).isNull();
        assertThat(v.stepNanos()).isEqualTo(60_000_000_000L);
        assertThat(v.originNanos()).isEqualTo(EpochNanos.of(ORIGIN));
        assertThat(v.forecaster()).isEqualTo("dnn@v2");
        assertThat(v.degraded()).isFalse();
    }

    static Stream<Arguments> tokenPairings() {
        return Stream.of(
                Arguments.of(
                        "same origin, step and horizon: paired",
                        forecast(ForecastViews.TOKEN_RATE, ORIGIN, 60, false, 40, 60),
                        new double[] {40, 60}),
                Arguments.of("no token forecast", null, null),
                Arguments.of(
                        "the previous step's token forecast: not paired",
                        forecast(
                                ForecastViews.TOKEN_RATE, ORIGIN.minusSeconds(60), 60, false, 1, 1),
                        null),
                Arguments.of(
                        "another step length: not paired",
                        forecast(ForecastViews.TOKEN_RATE, ORIGIN, 30, false, 40, 60),
                        null),
                Arguments.of(
                        "another horizon: not paired",
                        forecast(ForecastViews.TOKEN_RATE, ORIGIN, 60, false, 40),
                        null),
                Arguments.of(
                        "a degraded token forecast: not paired",
                        forecast(ForecastViews.TOKEN_RATE, ORIGIN, 60, true, 40, 60),
                        null),
                Arguments.of(
                        "a second request forecast in the token slot: not paired",
                        requests(40, 60),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenPairings")
    void tokensArePairedOnlyWithTheirOwnRequestForecast(
            String name, DemandForecast tokens, double[] expected) {
        ForecastView v = ForecastViews.of(requests(2, 3), tokens);
        assertThat(v.p90RequestsPerSecond()).containsExactly(2.0, 3.0);
        assertThat(v.p90OutputTokensPerSecond()).isEqualTo(expected);
    }

    @Test
    void withoutAUsableRequestForecastThereIsNoView() {
        DemandForecast tokens = forecast(ForecastViews.TOKEN_RATE, ORIGIN, 60, false, 40);
        assertThat(ForecastViews.of(null, tokens)).isNull();
        assertThat(ForecastViews.of(tokens, null)).isNull();
        DemandForecast noP90 =
                new DemandForecast(
                        EventMeta.at(1, "test", ORIGIN),
                        "m",
                        ForecastViews.REQUEST_RATE,
                        ORIGIN,
                        60,
                        List.of(new QuantileForecast(0.5, List.of(1.0))),
                        "dnn",
                        "v2",
                        0,
                        false,
                        null);
        assertThat(ForecastViews.of(noP90, tokens)).isNull();
    }

    @Test
    void aDegradedRequestForecastStaysDegradedWithItsReason() {
        ForecastView v =
                ForecastViews.of(forecast(ForecastViews.REQUEST_RATE, ORIGIN, 60, true, 1), null);
        assertThat(v.degraded()).isTrue();
        assertThat(v.degradedReason()).isEqualTo("gaps");
    }
}
