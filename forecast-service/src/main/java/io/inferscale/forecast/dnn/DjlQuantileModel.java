package io.inferscale.forecast.dnn;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Serves an exported SavedModel on DJL's TensorFlow engine: features in, the flat quantile matrix
 * out. One predictor, used under a lock (DJL predictors are not thread-safe; a forecast takes well
 * under a millisecond).
 */
final class DjlQuantileModel implements AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final int inputs;

    private DjlQuantileModel(ZooModel<NDList, NDList> model, int inputs) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.inputs = inputs;
    }

    static DjlQuantileModel load(Path savedModelDir, int inputs) {
        TensorFlowRuntime.load();
        String sessionConfig =
                Base64.getEncoder().encodeToString(TensorFlowRuntime.sessionConfig().toByteArray());
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optEngine("TensorFlow")
                        .optModelPath(savedModelDir)
                        .optTranslator(new NoopTranslator())
                        .optOption("ConfigProto", sessionConfig)
                        .build();
        try {
            return new DjlQuantileModel(criteria.loadModel(), inputs);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load the SavedModel in " + savedModelDir, e);
        }
    }

    /** Outputs for {@code rows} feature rows laid out row-major. */
    synchronized float[] predict(float[] features, int rows) {
        if (features.length != rows * inputs) {
            throw new IllegalArgumentException(
                    "expected " + rows + " x " + inputs + " features, got " + features.length);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList out =
                    predictor.predict(
                            new NDList(manager.create(features, new Shape(rows, inputs))));
            return out.singletonOrThrow().toFloatArray();
        } catch (TranslateException e) {
            throw new IllegalStateException("DNN inference failed", e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
