package io.inferscale.forecast.dnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.QuantileForecast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version exported by one process serves the same forecasts after a restart. */
class DnnRestoreTest {
    private static final double[] LEVELS = {0.5, 0.9};

    @Test
    void aRestoredVersionForecastsWhatTheTrainedOneDid(@TempDir Path dir) {
        DemandSeries history = SyntheticDemand.days(3, 21);
        DemandSeries recent = SyntheticDemand.days(4, 22);
        DnnConfig config = SyntheticDemand.tinyConfig(4);
        QuantileForecast trained;
        Path exported;
        try (DnnForecaster dnn = new DnnForecaster(config, dir)) {
            dnn.fit(history);
            trained = dnn.forecast(recent, 30, LEVELS);
            exported = dnn.servedModel();
        }
        try (DnnForecaster restored = DnnForecaster.restore(config, exported)) {
            QuantileForecast again = restored.forecast(recent, 30, LEVELS);
            assertThat(again.values()).isDeepEqualTo(trained.values());
            assertThat(restored.servedModel()).isEqualTo(exported);
        }
    }

    @Test
    void refusesAVersionTrainedForAnotherHorizonOrNone(@TempDir Path dir) {
        Path exported;
        try (DnnForecaster dnn = new DnnForecaster(SyntheticDemand.tinyConfig(4), dir)) {
            dnn.fit(SyntheticDemand.days(3, 23));
            exported = dnn.servedModel();
        }
        DnnConfig longer =
                new DnnConfig(
                        60,
                        DnnConfig.DEFAULT_LEVELS,
                        1,
                        16,
                        1,
                        128,
                        3e-3,
                        3,
                        2,
                        0.1,
                        java.time.Duration.ofSeconds(30),
                        4);
        assertThatThrownBy(() -> DnnForecaster.restore(longer, exported))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trained for 30 steps");
        assertThatThrownBy(
                        () ->
                                DnnForecaster.restore(
                                        SyntheticDemand.tinyConfig(4), dir.resolve("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no DNN version to restore");
    }
}
