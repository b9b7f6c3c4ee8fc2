package io.inferscale.forecast.dnn;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.QuantileForecast;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The DNN demand forecaster: an N-BEATS-style MLP over lag windows and calendar features, trained
 * in-process on the TensorFlow graph API with the pinball loss, exported as a SavedModel, and
 * served on DJL's TensorFlow engine. {@link #fit} trains a new version and swaps it in; {@link
 * #forecast} runs the served version.
 *
 * <p>The network outputs quantiles at fixed {@link DnnConfig#levels()}. Per step they are sorted
 * (quantile rearrangement: they never cross) and clipped at zero; a requested level is then read
 * between the outputs whose coverage on the held-out origins brackets it ({@link
 * QuantileCalibration}), held flat beyond the outermost ones.
 */
public final class DnnForecaster implements DemandForecaster, AutoCloseable {
    public static final String NAME = "dnn";

    private final DnnConfig config;
    private final Path modelRoot;
    private final boolean ownsModelRoot;
    // Guards `served`: a forecast must not run on a model that a concurrent fit is closing. Fits
    // themselves serialise on `this` and train without it, so forecasts go on during training.
    private final Object swap = new Object();
    private int version;
    private Served served;
    private TrainingReport lastReport;

    /** A fitted version: its SavedModel on DJL, the scale and step it was trained with. */
    private record Served(
            DjlQuantileModel model,
            Path dir,
            double scale,
            DnnFeatures features,
            QuantileCalibration calibration) {}

    /**
     * @param modelRoot where trained versions are exported ({@code modelRoot/v1}, {@code v2}, ...)
     */
    public DnnForecaster(DnnConfig config, Path modelRoot) {
        this(config, modelRoot, false);
    }

    private DnnForecaster(DnnConfig config, Path modelRoot, boolean ownsModelRoot) {
        this.config = config;
        this.modelRoot = modelRoot;
        this.ownsModelRoot = ownsModelRoot;
    }

    /**
     * Default configuration, versions exported under a fresh temporary directory that {@link
     * #close} deletes (the evaluation CLI's forecaster).
     */
    public static DnnForecaster withDefaults() {
        try {
            return new DnnForecaster(
                    DnnConfig.defaults(), Files.createTempDirectory("inferscale-dnn"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void fit(DemandSeries history) {
        TensorFlowRuntime.load();
        DnnFeatures features = new DnnFeatures(history.step());
        double scale = TrainingSet.robustScale(history.values());
        TrainingSet data = TrainingSet.cut(history, features, config.horizon(), scale);
        Path dir = modelRoot.resolve("v" + (version + 1));
        QuantileCalibration calibration;
        try (TrainedGraph trained = GraphTrainer.train(data, config)) {
            trained.export(dir);
            lastReport = trained.report();
            calibration = calibrate(trained, data);
        }
        DjlQuantileModel model = DjlQuantileModel.load(dir, DnnFeatures.SIZE);
        version++;
        synchronized (swap) {
            Served previous = served;
            served = new Served(model, dir, scale, features, calibration);
            if (previous != null) {
                previous.model().close();
            }
        }
    }

    @Override
    public QuantileForecast forecast(DemandSeries recent, int horizon, double[] levels) {
        synchronized (swap) {
            return forecast(served, recent, horizon, levels);
        }
    }

    private QuantileForecast forecast(Served s, DemandSeries recent, int horizon, double[] levels) {
        if (s == null) {
            throw new IllegalStateException("the DNN forecaster is not fitted");
        }
        if (horizon < 1 || horizon > config.horizon()) {
            throw new IllegalArgumentException(
                    "horizon must be in 1.." + config.horizon() + ": " + horizon);
        }
        if (!recent.step().equals(s.features().step())) {
            throw new IllegalArgumentException(
                    "trained on " + s.features().step() + " steps, asked for " + recent.step());
        }
        if (recent.size() == 0) {
            throw new IllegalArgumentException("the DNN needs at least one step of history");
        }
        float[] x = features(recent, s);
        float[] out = s.model().predict(x, 1);
        return new QuantileForecast(
                recent.end(), recent.step(), levels, quantiles(out, s, levels, horizon));
    }

    /** Coverage of each output on the held-out origins (see {@link QuantileCalibration}). */
    private QuantileCalibration calibrate(TrainedGraph trained, TrainingSet data) {
        int from = GraphTrainer.validationStart(data, config);
        int rows = data.rows() - from;
        float[] x =
                Arrays.copyOfRange(
                        data.features(), from * data.inputs(), data.rows() * data.inputs());
        return QuantileCalibration.measure(trained.predict(x, rows), data, from, config.levels());
    }

    /** Features at the end of {@code recent}, from its last lookback (+ a day to impute from). */
    private static float[] features(DemandSeries recent, Served s) {
        DnnFeatures layout = s.features();
        int keep = Math.min(recent.size(), layout.lookback() + layout.stepsPerDay());
        int from = recent.size() - keep;
        double[] raw = new double[keep];
        for (int i = 0; i < keep; i++) {
            raw[i] = recent.at(from + i);
        }
        double[] filled = layout.impute(raw, s.scale());
        float[] x = new float[DnnFeatures.SIZE];
        layout.write(raw, filled, raw.length, recent.end(), s.scale(), x, 0);
        return x;
    }

    /**
     * [level][step] in demand units: per step, the outputs sorted (they never cross), clipped at
     * zero, and read at the requested levels through the calibration.
     */
    private double[][] quantiles(float[] out, Served s, double[] levels, int horizon) {
        int q = config.levels().length;
        int h = config.horizon();
        double[][] values = new double[levels.length][horizon];
        double[] column = new double[q];
        for (int step = 0; step < horizon; step++) {
            for (int l = 0; l < q; l++) {
                column[l] = Math.max(0.0, out[l * h + step] * s.scale());
            }
            Arrays.sort(column);
            for (int r = 0; r < levels.length; r++) {
                values[r][step] = s.calibration().valueAt(levels[r], column);
            }
        }
        return values;
    }

    /** Observed coverage of each trained level on the held-out origins of the last fit. */
    public double[] calibration() {
        synchronized (swap) {
            return served == null ? null : served.calibration().coverage();
        }
    }

    /** What the last {@link #fit} did; null before the first. */
    public synchronized TrainingReport lastReport() {
        return lastReport;
    }

    /** The SavedModel directory now served; null before the first fit. */
    public Path servedModel() {
        synchronized (swap) {
            return served == null ? null : served.dir();
        }
    }

    public DnnConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        synchronized (swap) {
            if (served != null) {
                served.model().close();
                served = null;
            }
        }
        if (ownsModelRoot) {
            deleteRecursively(modelRoot);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a close for.
        }
    }
}
