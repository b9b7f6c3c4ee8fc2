package io.inferscale.forecast.dnn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * Trains an {@link NBeatsGraph} in graph mode: seeded shuffling, mini-batch Adam steps, early
 * stopping on the most recent slice of origins (held out, with a horizon-long gap so that no
 * validation target is a training target), and the best epoch's weights restored at the end.
 */
final class GraphTrainer {
    private static final Logger log = LoggerFactory.getLogger(GraphTrainer.class);
    private static final int EVAL_BATCH = 4096;

    private GraphTrainer() {}

    /** Builds and trains the graph; the caller owns (and must close) the returned model. */
    static TrainedGraph train(TrainingSet data, DnnConfig config) {
        long start = System.nanoTime();
        Graph graph = new Graph();
        try {
            NBeatsGraph net = new NBeatsGraph(graph, config, data.inputs());
            Session session = new Session(graph, TensorFlowRuntime.sessionConfig());
            try {
                session.initialize();
                TrainingReport report = fit(session, net, data, config, start);
                return new TrainedGraph(graph, session, net, report);
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The first held-out row: the most recent {@code validationFraction} of origins. */
    static int validationStart(TrainingSet data, DnnConfig config) {
        return data.rows()
                - Math.max(1, (int) Math.ceil(data.rows() * config.validationFraction()));
    }

    private static TrainingReport fit(
            Session session, NBeatsGraph net, TrainingSet data, DnnConfig config, long start) {
        int validation = data.rows() - validationStart(data, config);
        int trainRows = data.rows() - validation - data.horizon();
        if (trainRows < config.batchSize()) {
            throw new IllegalArgumentException(
                    "too little history to train: " + data.rows() + " usable origins");
        }
        int[] order = new int[trainRows];
        for (int i = 0; i < trainRows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        long deadline = start + config.maxTrainingTime().toNanos();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        List<float[]> bestWeights = null;
        int epoch = 0;
        while (epoch < config.maxEpochs()) {
            shuffle(order, random);
            for (int from = 0; from + config.batchSize() <= trainRows; from += config.batchSize()) {
                step(session, net, data, order, from, config.batchSize());
            }
            double validationLoss = loss(session, net, data, data.rows() - validation, data.rows());
            epoch++;
            log.debug("epoch {} validation pinball {}", epoch, validationLoss);
            if (validationLoss < best) {
                best = validationLoss;
                bestEpoch = epoch;
                bestWeights = snapshot(session, net);
            } else if (epoch - bestEpoch >= config.patience()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                log.warn("DNN training stopped by the time cap after {} epochs", epoch);
                break;
            }
        }
        restore(session, net, bestWeights);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        log.info(
                "DNN trained: {} origins, {} epochs (best {}), validation pinball {}, {} ms",
                data.rows(),
                epoch,
                bestEpoch,
                best,
                wall.toMillis());
        return new TrainingReport(epoch, bestEpoch, best, wall, data.rows());
    }

    private static void step(
            Session session, NBeatsGraph net, TrainingSet data, int[] order, int from, int size) {
        int in = data.inputs();
        int h = data.horizon();
        float[] x = new float[size * in];
        float[] y = new float[size * h];
        float[] m = new float[size * h];
        for (int r = 0; r < size; r++) {
            int row = order[from + r];
            System.arraycopy(data.features(), row * in, x, r * in, in);
            System.arraycopy(data.targets(), row * h, y, r * h, h);
            System.arraycopy(data.mask(), row * h, m, r * h, h);
        }
        try (TFloat32 xt = matrix(x, size, in);
                TFloat32 yt = matrix(y, size, h);
                TFloat32 mt = matrix(m, size, h)) {
            Session.Runner runner =
                    session.runner().feed(net.features, xt).feed(net.target, yt).feed(net.mask, mt);
            for (Op op : net.trainStep) {
                runner.addTarget(op);
            }
            runner.run().close();
        }
    }

    /** Mean pinball loss over rows [from, to), weighted by observed target steps. */
    static double loss(Session session, NBeatsGraph net, TrainingSet data, int from, int to) {
        int in = data.inputs();
        int h = data.horizon();
        double weighted = 0;
        double observed = 0;
        for (int s = from; s < to; s += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, to - s);
            float[] x = new float[n * in];
            float[] y = new float[n * h];
            float[] m = new float[n * h];
            System.arraycopy(data.features(), s * in, x, 0, n * in);
            System.arraycopy(data.targets(), s * h, y, 0, n * h);
            System.arraycopy(data.mask(), s * h, m, 0, n * h);
            double count = 0;
            for (float v : m) {
                count += v;
            }
            try (TFloat32 xt = matrix(x, n, in);
                    TFloat32 yt = matrix(y, n, h);
                    TFloat32 mt = matrix(m, n, h);
                    Result r =
                            session.runner()
                                    .feed(net.features, xt)
                                    .feed(net.target, yt)
                                    .feed(net.mask, mt)
                                    .fetch(net.loss)
                                    .run()) {
                weighted += ((TFloat32) r.get(0)).getFloat() * count;
                observed += count;
            }
        }
        return observed == 0 ? Double.NaN : weighted / observed;
    }

    private static List<float[]> snapshot(Session session, NBeatsGraph net) {
        Session.Runner runner = session.runner();
        net.parameters.forEach(runner::fetch);
        List<float[]> values = new ArrayList<>();
        try (Result r = runner.run()) {
            for (int i = 0; i < net.parameters.size(); i++) {
                TFloat32 t = (TFloat32) r.get(i);
                float[] copy = new float[(int) t.size()];
                t.copyTo(DataBuffers.of(copy, false, false));
                values.add(copy);
            }
        }
        return values;
    }

    private static void restore(Session session, NBeatsGraph net, List<float[]> weights) {
        if (weights == null) {
            return;
        }
        List<Tensor> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int i = 0; i < weights.size(); i++) {
                Shape shape = net.parameters.get(i).shape();
                TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(weights.get(i), true, false));
                tensors.add(t);
                runner.feed(net.restoreInputs.get(i), t).addTarget(net.restoreOps.get(i));
            }
            runner.run().close();
        } finally {
            tensors.forEach(Tensor::close);
        }
    }

    static TFloat32 matrix(float[] values, int rows, int cols) {
        return TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(values, true, false));
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
