package io.inferscale.forecast.dnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantileCalibrationTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    @Test
    void coverageIsMeasuredOnObservedTargetsOnly() {
        // Two rows, horizon 2, outputs (scaled) per row: level-major [q][h].
        float[] outputs = {
            0.5f, 0.5f, 1.0f, 1.0f, 1.5f, 1.5f, // row 0
            0.5f, 0.5f, 1.0f, 1.0f, 1.5f, 1.5f // row 1
        };
        float[] targets = {0.4f, 2.0f, 1.2f, 99f};
        float[] mask = {1, 1, 1, 0};
        TrainingSet data = new TrainingSet(2, 1, 2, new float[2], targets, mask);
        QuantileCalibration c = QuantileCalibration.measure(outputs, data, 0, LEVELS);
        // Observed targets 0.4, 2.0, 1.2: at or below 0.5 -> 1 of 3; <= 1.0 -> 1; <= 1.5 -> 2.
        assertThat(c.coverage()[0]).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(c.coverage()[1]).isGreaterThan(c.coverage()[0]).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(c.coverage()[2]).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void anOverconfidentUpperOutputIsReadFurtherUp() {
        // The nominal p50 covered 50%, the nominal p90 only 80%: p90 lies beyond the last output.
        QuantileCalibration c = new QuantileCalibration(new double[] {0.1, 0.5, 0.8});
        double[] sorted = {10, 20, 30};
        assertThat(c.valueAt(0.5, sorted)).isEqualTo(20);
        assertThat(c.valueAt(0.65, sorted)).isCloseTo(25, within(1e-9));
        assertThat(c.valueAt(0.9, sorted)).isEqualTo(30);
        assertThat(c.valueAt(0.05, sorted)).isEqualTo(10);
    }

    @Test
    void theNominalCalibrationReadsLevelsAsTrained() {
        QuantileCalibration c = QuantileCalibration.nominal(LEVELS);
        double[] sorted = {1, 2, 3};
        assertThat(c.valueAt(0.9, sorted)).isEqualTo(3);
        assertThat(c.valueAt(0.7, sorted)).isCloseTo(2.5, within(1e-9));
    }
}
