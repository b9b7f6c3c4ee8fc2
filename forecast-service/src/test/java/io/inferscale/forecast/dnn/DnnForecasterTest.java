package io.inferscale.forecast.dnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.QuantileForecast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnnForecasterTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9, 0.99};

    @Test
    void theSameSeedGivesTheSameForecastAnotherSeedAnother(@TempDir Path dir) {
        DemandSeries history = SyntheticDemand.days(3, 11);
        double[][] a = fitAndForecast(dir.resolve("a"), 5, history);
        double[][] b = fitAndForecast(dir.resolve("b"), 5, history);
        double[][] c = fitAndForecast(dir.resolve("c"), 6, history);
        assertThat(b).isDeepEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void missingDataIsNeitherTrainedOnNorReadAsZero(@TempDir Path dir) {
        // An outage of two hours inside the training days and one at the end of the recent window.
        DemandSeries history = SyntheticDemand.withGap(SyntheticDemand.days(3, 12), 2000, 2120);
        DemandSeries recent =
                SyntheticDemand.withGap(SyntheticDemand.days(3, 13), 3 * 1440 - 45, 3 * 1440);
        try (DnnForecaster dnn = new DnnForecaster(SyntheticDemand.tinyConfig(2), dir)) {
            dnn.fit(history);
            QuantileForecast f = dnn.forecast(recent, 30, LEVELS);
            assertThat(f.origin()).isEqualTo(recent.end());
            assertThat(f.horizon()).isEqualTo(30);
            for (int h = 1; h <= 30; h++) {
                double p10 = f.at(0.1, h);
                double p50 = f.at(0.5, h);
                double p90 = f.at(0.9, h);
                assertThat(p10).isFinite().isGreaterThanOrEqualTo(0);
                assertThat(p50).isGreaterThanOrEqualTo(p10);
                assertThat(p90).isGreaterThanOrEqualTo(p50);
                assertThat(f.at(0.99, h))
                        .as("beyond the outermost level: held")
                        .isGreaterThanOrEqualTo(p90);
                // Demand at midnight here is ~20 per minute: a forecast from zeros would sit near
                // 0.
                assertThat(p50).isGreaterThan(5);
            }
        }
    }

    @Test
    void refusesWhatItCannotDo(@TempDir Path dir) {
        try (DnnForecaster dnn = new DnnForecaster(SyntheticDemand.tinyConfig(2), dir)) {
            DemandSeries s = SyntheticDemand.days(3, 14);
            assertThatThrownBy(() -> dnn.forecast(s, 5, LEVELS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not fitted");
            dnn.fit(s);
            assertThatThrownBy(() -> dnn.forecast(s, 31, LEVELS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1..30");
            assertThat(dnn.name()).isEqualTo("dnn");
            assertThat(dnn.servedModel()).isEqualTo(dir.resolve("v1"));
        }
    }

    private static double[][] fitAndForecast(Path dir, long seed, DemandSeries history) {
        try (DnnForecaster dnn = new DnnForecaster(SyntheticDemand.tinyConfig(seed), dir)) {
            dnn.fit(history);
            return dnn.forecast(history, 30, LEVELS).values();
        }
    }
}
