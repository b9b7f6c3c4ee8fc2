package io.inferscale.forecast.training;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.forecast.ServingProperties;
import io.inferscale.forecast.TrainingProperties;
import io.inferscale.forecast.dnn.DnnConfig;
import io.inferscale.forecast.dnn.DnnForecaster;
import io.inferscale.forecast.domain.ForecasterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The forecasters a round fits: the baselines of {@link ForecasterRegistry#standard()} and, when
 * enabled, the DNN candidate; and how a stored version is brought back to serve.
 */
@Component
public class Forecasters {
    private final ForecasterRegistry baselines = ForecasterRegistry.standard();
    private final TrainingProperties training;
    private final DnnConfig dnnConfig;

    public Forecasters(TrainingProperties training, ServingProperties serving) {
        if (training.backtestHorizonSteps() > serving.horizonSteps()) {
            throw new IllegalStateException(
                    "inferscale.forecast.training.backtest-horizon-steps ("
                            + training.backtestHorizonSteps()
                            + ") must not exceed inferscale.forecast.serving.horizon-steps ("
                            + serving.horizonSteps()
                            + ")");
        }
        this.training = training;
        TrainingProperties.Dnn d = training.dnn();
        DnnConfig defaults = DnnConfig.defaults();
        this.dnnConfig =
                new DnnConfig(
                        serving.horizonSteps(),
                        DnnConfig.DEFAULT_LEVELS,
                        d.blocks(),
                        d.width(),
                        d.layers(),
                        defaults.batchSize(),
                        defaults.learningRate(),
                        d.maxEpochs(),
                        defaults.patience(),
                        defaults.validationFraction(),
                        d.maxTrainingTime(),
                        d.seed());
    }

    public List<String> baselineNames() {
        return baselines.names();
    }

    public Supplier<DemandForecaster> baseline(String name) {
        return () -> baselines.create(name);
    }

    public boolean dnnEnabled() {
        return training.dnn().enabled();
    }

    /** A DNN candidate exporting its SavedModel under the round's directory. */
    public DnnForecaster dnn(String model, long runId) {
        return new DnnForecaster(dnnConfig, modelDir(model).resolve("run-" + runId));
    }

    /**
     * A stored version, ready to serve: a DNN from its SavedModel, a baseline refitted on its
     * recorded training range (baselines are deterministic: the same data gives the same fit).
     */
    public DemandForecaster restore(
            String forecaster, String artifact, Supplier<DemandSeries> trainingSeries) {
        if (DnnForecaster.NAME.equals(forecaster)) {
            if (artifact == null) {
                throw new IllegalStateException("the DNN version has no SavedModel recorded");
            }
            return DnnForecaster.restore(dnnConfig, Path.of(artifact));
        }
        DemandForecaster f = baselines.create(forecaster);
        f.fit(trainingSeries.get());
        return f;
    }

    /**
     * One directory per served model. Model names may hold '/', '..' and the like: keep the safe
     * characters for the reader and add a hash so that distinct names never share a directory.
     */
    Path modelDir(String model) {
        String safe = model.replaceAll("[^A-Za-z0-9_-]", "_");
        return training.artifactsDir()
                .resolve(safe.substring(0, Math.min(64, safe.length())) + "-" + hash(model));
    }

    private static String hash(String s) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
