package io.inferscale.forecast.dnn;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.core.forecast.DemandSeries;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DnnFeaturesTest {
    private final DnnFeatures layout = new DnnFeatures(Duration.ofMinutes(1));

    @Test
    void aMissingStepTakesTheValueADayEarlierNotZero() {
        double[] v = new double[3000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 10 + i % 1440;
        }
        v[1440 + 7] = Double.NaN;
        double[] filled = layout.impute(v, 99);
        assertThat(filled[1440 + 7]).isEqualTo(v[7]);
    }

    @Test
    void withoutADayOfHistoryTheLastObservationCarriesForward() {
        double[] v = {5, 6, Double.NaN, Double.NaN, 8};
        assertThat(layout.impute(v, 99)).containsExactly(5, 6, 6, 6, 8);
        assertThat(layout.impute(new double[] {Double.NaN, 3}, 99)).containsExactly(99, 3);
    }

    @Test
    void featuresAreFiniteAndCountTheMissingRecentSteps() {
        DemandSeries s =
                SyntheticDemand.withGap(SyntheticDemand.days(2, 1), 2 * 1440 - 30, 2 * 1440);
        double[] raw = s.values();
        float[] x = new float[DnnFeatures.SIZE];
        layout.write(raw, layout.impute(raw, 40), raw.length, s.end(), 40, x, 0);
        for (float f : x) {
            assertThat(f).isFinite();
        }
        assertThat(x[DnnFeatures.SIZE - 2]).as("missing share of the last hour").isEqualTo(0.5f);
        assertThat(x[DnnFeatures.RECENT - 1]).as("imputed, not zero").isGreaterThan(0f);
    }

    @Test
    void shortHistoriesAreBackfilledSeasonallyWithoutFailing() {
        double[] raw = {10, 12, 11};
        float[] x = new float[DnnFeatures.SIZE];
        layout.write(raw, layout.impute(raw, 10), 3, SyntheticDemand.minute(3), 10, x, 0);
        for (float f : x) {
            assertThat(f).isFinite();
        }
        assertThat(x[DnnFeatures.SIZE - 1])
                .as("share of the weekly lookback present")
                .isLessThan(0.01f);
    }

    @Test
    void missingTargetsAreMaskedAndOriginsWithoutTargetsDropped() {
        DemandSeries s = SyntheticDemand.withGap(SyntheticDemand.days(2, 2), 1500, 1600);
        TrainingSet data = TrainingSet.cut(s, layout, 30, 40);
        int h = data.horizon();
        int masked = 0;
        for (int i = 0; i < data.mask().length; i++) {
            if (data.mask()[i] == 0f) {
                masked++;
                assertThat(data.targets()[i]).isZero();
            }
        }
        // Origins 1440..2879; those whose 30 targets all fall in the gap [1500, 1600) are dropped.
        int allMissing = 1600 - 30 - 1500 + 1;
        assertThat(data.rows()).isEqualTo(1440 - allMissing);
        assertThat(masked).isPositive();
        for (float m : data.mask()) {
            assertThat(m).isIn(0f, 1f);
        }
        assertThat(data.features()).hasSize(data.rows() * DnnFeatures.SIZE);
        assertThat(data.targets()).hasSize(data.rows() * h);
    }

    @Test
    void theScaleIsTheMedianOfObservedValues() {
        assertThat(TrainingSet.robustScale(new double[] {1, Double.NaN, 100, 3, 5, 4}))
                .isEqualTo(4);
        assertThat(TrainingSet.robustScale(new double[] {0, 0, 0, 6})).isEqualTo(1.5);
    }
}
