package io.inferscale.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.contracts.EventMeta;
import io.inferscale.core.forecast.QuantileForecast;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastEventsTest {
    static final Instant ORIGIN = Instant.parse("2026-11-25T10:00:00Z");
    static final EventMeta META = EventMeta.at(1, "test", ORIGIN);

    @Test
    void perStepCountsBecomeRatesPerSecondClampedAtZero() {
        QuantileForecast f =
                new QuantileForecast(
                        ORIGIN,
                        Duration.ofMinutes(1),
                        new double[] {0.5, 0.9},
                        new double[][] {{60, -3}, {120, 30}});
        InputFreshness fresh = new InputFreshness(ORIGIN, Duration.ofSeconds(70), 0, 10, List.of());
        DemandForecast e = ForecastEvents.of(META, "m", f, "dnn", "v3", fresh, List.of());
        assertThat(e.metric()).isEqualTo("requests_per_second");
        assertThat(e.stepSeconds()).isEqualTo(60);
        assertThat(e.horizonSteps()).isEqualTo(2);
        assertThat(e.quantiles().get(0).values()).containsExactly(1.0, 0.0);
        assertThat(e.quantiles().get(1).quantile()).isEqualTo(0.9);
        assertThat(e.quantiles().get(1).values()).containsExactly(2.0, 0.5);
        assertThat(e.inputAgeMs()).isEqualTo(70_000);
        assertThat(e.modelVersion()).isEqualTo("v3");
        assertThat(e.degraded()).isFalse();
        assertThat(e.degradedReason()).isNull();
    }

    @Test
    void anyProblemDegradesTheEventWithAllReasons() {
        QuantileForecast f =
                new QuantileForecast(
                        ORIGIN, Duration.ofMinutes(1), new double[] {0.5}, new double[][] {{6}});
        InputFreshness stale =
                new InputFreshness(ORIGIN, Duration.ofHours(1), 0, 10, List.of("stale input"));
        DemandForecast e =
                ForecastEvents.of(
                        META, "m", f, "trailing-mean", "untrained", stale, List.of("untrained"));
        assertThat(e.degraded()).isTrue();
        assertThat(e.degradedReason()).isEqualTo("stale input; untrained");
    }

    @Test
    void aNonFiniteForecastIsABugNotAnEvent() {
        QuantileForecast f =
                new QuantileForecast(
                        ORIGIN,
                        Duration.ofMinutes(1),
                        new double[] {0.5},
                        new double[][] {{Double.NaN}});
        InputFreshness fresh = new InputFreshness(ORIGIN, Duration.ZERO, 0, 10, List.of());
        assertThatThrownBy(() -> ForecastEvents.of(META, "m", f, "x", "v1", fresh, List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTokenForecastScalesEveryQuantileAndKeepsOriginVersionAndFreshness() {
        QuantileForecast f =
                new QuantileForecast(
                        ORIGIN,
                        Duration.ofMinutes(1),
                        new double[] {0.5, 0.9},
                        new double[][] {{60, 120}, {90, 180}});
        InputFreshness gappy =
                new InputFreshness(ORIGIN, Duration.ofSeconds(70), 3, 10, List.of("gaps"));
        DemandForecast requests = ForecastEvents.of(META, "m", f, "dnn", "v3", gappy, List.of());
        DemandForecast tokens = ForecastEvents.tokens(META, requests, 20);
        assertThat(tokens.metric()).isEqualTo("output_tokens_per_second");
        assertThat(tokens.quantiles().get(0).values()).containsExactly(20.0, 40.0);
        assertThat(tokens.quantiles().get(1).quantile()).isEqualTo(0.9);
        assertThat(tokens.quantiles().get(1).values()).containsExactly(30.0, 60.0);
        assertThat(tokens.origin()).isEqualTo(requests.origin());
        assertThat(tokens.stepSeconds()).isEqualTo(60);
        assertThat(tokens.modelVersion()).isEqualTo("v3");
        assertThat(tokens.forecaster()).isEqualTo("dnn*output-tokens-per-request");
        assertThat(tokens.inputAgeMs()).isEqualTo(70_000);
        assertThat(tokens.degraded()).isTrue();
        assertThat(tokens.degradedReason()).isEqualTo("gaps");
    }

    @Test
    void onlyARequestForecastWithAPositiveRatioMakesATokenForecast() {
        QuantileForecast f =
                new QuantileForecast(
                        ORIGIN, Duration.ofMinutes(1), new double[] {0.9}, new double[][] {{6}});
        InputFreshness fresh = new InputFreshness(ORIGIN, Duration.ZERO, 0, 10, List.of());
        DemandForecast requests = ForecastEvents.of(META, "m", f, "dnn", "v1", fresh, List.of());
        assertThatThrownBy(() -> ForecastEvents.tokens(META, requests, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ForecastEvents.tokens(META, requests, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        DemandForecast tokens = ForecastEvents.tokens(META, requests, 2);
        assertThatThrownBy(() -> ForecastEvents.tokens(META, tokens, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
