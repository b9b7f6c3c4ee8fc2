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
}
