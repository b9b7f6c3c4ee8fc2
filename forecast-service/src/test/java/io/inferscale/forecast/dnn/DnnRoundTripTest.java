package io.inferscale.forecast.dnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.inferscale.core.forecast.DemandSeries;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train in graph mode, export a SavedModel, serve it on DJL: the same numbers come out. */
class DnnRoundTripTest {

    @Test
    void djlServesWhatTheTrainingGraphComputes(@TempDir Path dir) {
        TensorFlowRuntime.load();
        DemandSeries series = SyntheticDemand.days(3, 7);
        DnnFeatures layout = new DnnFeatures(series.step());
        double scale = TrainingSet.robustScale(series.values());
        TrainingSet data = TrainingSet.cut(series, layout, 30, scale);
        int rows = 16;
        float[] x = Arrays.copyOf(data.features(), rows * data.inputs());
        int outputs = DnnConfig.DEFAULT_LEVELS.length * 30;

        float[] inGraph;
        try (TrainedGraph trained = GraphTrainer.train(data, SyntheticDemand.tinyConfig(1))) {
            assertThat(trained.report().epochs()).isPositive();
            inGraph = trained.predict(x, rows);
            trained.export(dir);
        }
        assertThat(dir.resolve("saved_model.pb")).exists();
        assertThat(inGraph).hasSize(rows * outputs);

        try (DjlQuantileModel served = DjlQuantileModel.load(dir, data.inputs())) {
            float[] djl = served.predict(x, rows);
            assertThat(djl).hasSize(inGraph.length);
            for (int i = 0; i < djl.length; i++) {
                assertThat(djl[i]).as("output %d", i).isCloseTo(inGraph[i], within(1e-5f));
            }
        }
    }

    @Test
    void trainingLowersThePinballLoss() {
        TensorFlowRuntime.load();
        DemandSeries series = SyntheticDemand.days(3, 8);
        DnnFeatures layout = new DnnFeatures(series.step());
        TrainingSet data =
                TrainingSet.cut(series, layout, 30, TrainingSet.robustScale(series.values()));
        DnnConfig untrained = SyntheticDemand.tinyConfig(3).withSize(1, 16, 1, 1);
        double before;
        try (TrainedGraph g = GraphTrainer.train(data, untrained)) {
            before = g.loss(data);
        }
        try (TrainedGraph g =
                GraphTrainer.train(data, SyntheticDemand.tinyConfig(3).withSize(1, 16, 1, 6))) {
            assertThat(g.loss(data)).isLessThan(before);
        }
    }
}
