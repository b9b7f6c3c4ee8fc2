package io.inferscale.forecast.dnn;

import java.time.Duration;

/**
 * Hyperparameters of the DNN forecaster. The defaults are the ones benchmarked on the NASA trace
 * (docs/benchmarks.md, "forecast-service: DNN"); unit tests shrink the network and the epochs.
 *
 * @param horizon steps forecast at once (outputs are trained for all of them jointly)
 * @param levels the quantile levels the network is trained for, ascending; other levels are
 *     interpolated between them
 * @param blocks N-BEATS blocks (each: {@code layers} fully connected ReLU layers, then a backcast
 *     and a forecast head)
 * @param width units per hidden layer
 * @param layers hidden layers per block
 * @param batchSize mini-batch size
 * @param learningRate Adam step size
 * @param maxEpochs epochs at most
 * @param patience epochs without a better validation loss before training stops
 * @param validationFraction the most recent share of training origins held out for early stopping
 * @param maxTrainingTime a safety cap on training wall time (checked between epochs)
 * @param seed seeds weight initialisation and batch shuffling: equal seeds, equal models
 */
public record DnnConfig(
        int horizon,
        double[] levels,
        int blocks,
        int width,
        int layers,
        int batchSize,
        double learningRate,
        int maxEpochs,
        int patience,
        double validationFraction,
        Duration maxTrainingTime,
        long seed) {

    public static final double[] DEFAULT_LEVELS = {
        0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95
    };

    public DnnConfig {
        if (horizon < 1 || blocks < 1 || width < 1 || layers < 1 || batchSize < 1) {
            throw new IllegalArgumentException(
                    "horizon, blocks, width, layers and batch must be >= 1");
        }
        if (levels == null || levels.length == 0) {
            throw new IllegalArgumentException("at least one quantile level");
        }
        levels = levels.clone();
        for (int i = 0; i < levels.length; i++) {
            if (!(levels[i] > 0 && levels[i] < 1) || (i > 0 && levels[i] <= levels[i - 1])) {
                throw new IllegalArgumentException("levels must ascend within (0, 1)");
            }
        }
        if (!(validationFraction > 0 && validationFraction < 0.5)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 0.5)");
        }
    }

    /** The benchmarked configuration: 30 steps, 11 levels, 2 blocks of 2 x 128 units. */
    public static DnnConfig defaults() {
        return new DnnConfig(
                30, DEFAULT_LEVELS, 2, 128, 2, 256, 1e-3, 40, 4, 0.1, Duration.ofSeconds(45), 42L);
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    public DnnConfig withSeed(long newSeed) {
        return new DnnConfig(
                horizon,
                levels,
                blocks,
                width,
                layers,
                batchSize,
                learningRate,
                maxEpochs,
                patience,
                validationFraction,
                maxTrainingTime,
                newSeed);
    }

    public DnnConfig withSize(int newBlocks, int newWidth, int newLayers, int newMaxEpochs) {
        return new DnnConfig(
                horizon,
                levels,
                newBlocks,
                newWidth,
                newLayers,
                batchSize,
                learningRate,
                newMaxEpochs,
                patience,
                validationFraction,
                maxTrainingTime,
                seed);
    }
}
