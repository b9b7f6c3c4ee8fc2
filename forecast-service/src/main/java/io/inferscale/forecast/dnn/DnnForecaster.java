package io.inferscale.forecast.dnn;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.QuantileForecast;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
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

    /**
     * Written next to each exported SavedModel: what serving needs besides the graph (the scale,
     * the step, the calibration), so that {@link #restore} can serve the version after a restart.
     */
    static final String SERVING_FILE = "inferscale-dnn.properties";

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
        writeServingFile(dir, scale, history.step(), calibration);
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

    /**
     * Serves a version exported by an earlier {@link #fit} (e.g. before a restart) without
     * training.
     *
     * @param savedModelDir the directory {@link #servedModel()} named
     * @throws IllegalStateException if the directory holds no loadable version, or one trained with
     *     another horizon or other quantile levels than {@code config}
     */
    public static DnnForecaster restore(DnnConfig config, Path savedModelDir) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(savedModelDir.resolve(SERVING_FILE))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no DNN version to restore in " + savedModelDir + ": " + e.getMessage(), e);
        }
        try {
            int horizon = Integer.parseInt(p.getProperty("horizon"));
            double[] levels = doubles(p.getProperty("levels"));
            if (horizon != config.horizon() || !Arrays.equals(levels, config.levels())) {
                throw new IllegalStateException(
                        savedModelDir
                                + " was trained for "
                                + horizon
                                + " steps at levels "
                                + Arrays.toString(levels)
                                + ", the configuration asks for "
                                + config.horizon()
                                + " at "
                                + Arrays.toString(config.levels()));
            }
            double scale = Double.parseDouble(p.getProperty("scale"));
            Duration step = Duration.parse(p.getProperty("step"));
            QuantileCalibration calibration =
                    new QuantileCalibration(doubles(p.getProperty("coverage")));
            DjlQuantileModel model = DjlQuantileModel.load(savedModelDir, DnnFeatures.SIZE);
            DnnForecaster f = new DnnForecaster(config, savedModelDir.getParent(), false);
            f.version = 1;
            f.served = new Served(model, savedModelDir, scale, new DnnFeatures(step), calibration);
            return f;
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    savedModelDir.resolve(SERVING_FILE) + " is incomplete: " + e.getMessage(), e);
        }
    }

    private void writeServingFile(
            Path dir, double scale, Duration step, QuantileCalibration calibration) {
        Properties p = new Properties();
        p.setProperty("scale", Double.toString(scale));
        p.setProperty("step", step.toString());
        p.setProperty("coverage", join(calibration.coverage()));
        p.setProperty("horizon", Integer.toString(config().horizon()));
        p.setProperty("levels", join(config().levels()));
        try (var out = Files.newOutputStream(dir.resolve(SERVING_FILE))) {
            p.store(out, "InferScale DNN forecaster: serving settings of this SavedModel");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(SERVING_FILE), e);
        }
    }

    private static String join(double[] values) {
        return String.join(
                ",", Arrays.stream(values).mapToObj(Double::toString).toArray(String[]::new));
    }

    private static double[] doubles(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
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
