package io.inferscale.forecast.dnn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Identity;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The network and its training ops, built in one TensorFlow graph with the TF Java graph API.
 *
 * <p>An N-BEATS "generic" stack (Oreshkin et al., ICLR 2020): each block reads the residual of its
 * input, emits a backcast (subtracted from that input for the next block) and a forecast of all
 * {@code levels x horizon} outputs; the block forecasts add up. A linear skip from the inputs to
 * the outputs (starting at zero) gives the stack an autoregressive path it need not learn through
 * ReLUs. The loss is the pinball (quantile) loss averaged over the observed targets only: the mask
 * is 0 where the target step is missing.
 *
 * <p>Weights start from a seeded He initialisation computed in Java, so graph construction is
 * deterministic; training is deterministic too when the session runs with one thread.
 */
final class NBeatsGraph {
    static final String INPUT = "features";
    static final String OUTPUT = "quantiles";

    final Placeholder<TFloat32> features;
    final Placeholder<TFloat32> target;
    final Placeholder<TFloat32> mask;
    final Operand<TFloat32> quantiles;
    final Operand<TFloat32> loss;
    final List<Op> trainStep = new ArrayList<>();
    final List<Variable<TFloat32>> parameters = new ArrayList<>();
    final List<Placeholder<TFloat32>> restoreInputs = new ArrayList<>();
    final List<Op> restoreOps = new ArrayList<>();

    private final Ops tf;
    private final SplittableRandom random;

    NBeatsGraph(Graph graph, DnnConfig config, int inputs) {
        this.tf = Ops.create(graph);
        this.random = new SplittableRandom(config.seed());
        int horizon = config.horizon();
        double[] levels = config.levels();
        int outputs = levels.length * horizon;

        features =
                tf.withName(INPUT)
                        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, inputs)));
        target =
                tf.withName("target")
                        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, horizon)));
        mask =
                tf.withName("mask")
                        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, horizon)));

        Operand<TFloat32> residual = features;
        Operand<TFloat32> forecast = tf.linalg.matMul(features, zeros("skip", inputs, outputs));
        for (int b = 0; b < config.blocks(); b++) {
            Operand<TFloat32> h = residual;
            int fanIn = inputs;
            for (int l = 0; l < config.layers(); l++) {
                String name = "block" + b + "_fc" + l;
                h = tf.nn.relu(dense(name, h, fanIn, config.width()));
                fanIn = config.width();
            }
            if (b + 1 < config.blocks()) { // the last block's backcast would feed nothing
                residual = tf.math.sub(residual, dense("block" + b + "_back", h, fanIn, inputs));
            }
            forecast = tf.math.add(forecast, dense("block" + b + "_fore", h, fanIn, outputs));
        }
        quantiles = tf.withName(OUTPUT).identity(forecast);
        loss = pinballLoss(levels, horizon);
        addAdam(config.learningRate());
        addRestoreOps();
    }

    /** Mean pinball loss over observed (mask = 1) target steps and all levels. */
    private Operand<TFloat32> pinballLoss(double[] levels, int horizon) {
        float[] taus = new float[levels.length];
        for (int q = 0; q < levels.length; q++) {
            taus[q] = (float) levels[q];
        }
        Operand<TFloat32> tau = tf.reshape(tf.constant(taus), tf.constant(new int[] {1, -1, 1}));
        Operand<TFloat32> predicted =
                tf.reshape(quantiles, tf.constant(new int[] {-1, levels.length, horizon}));
        Operand<TFloat32> y = tf.reshape(target, tf.constant(new int[] {-1, 1, horizon}));
        Operand<TFloat32> m = tf.reshape(mask, tf.constant(new int[] {-1, 1, horizon}));
        Operand<TFloat32> diff = tf.math.sub(y, predicted);
        Operand<TFloat32> pinball =
                tf.math.maximum(
                        tf.math.mul(tau, diff),
                        tf.math.mul(tf.math.sub(tau, tf.constant(1f)), diff));
        Operand<TFloat32> total =
                tf.reduceSum(tf.math.mul(pinball, m), tf.constant(new int[] {0, 1, 2}));
        Operand<TFloat32> observed =
                tf.math.maximum(tf.reduceSum(mask, tf.constant(new int[] {0, 1})), tf.constant(1f));
        return tf.withName("loss")
                .math
                .div(total, tf.math.mul(observed, tf.constant((float) levels.length)));
    }

    /** Adam (Kingma and Ba) with ApplyAdam; the bias-correction powers are variables too. */
    private void addAdam(double learningRate) {
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        var gradients = tf.gradients(loss, parameters);
        Variable<TFloat32> beta1Power =
                tf.withName("adam_beta1_power").variable(tf.constant(beta1));
        Variable<TFloat32> beta2Power =
                tf.withName("adam_beta2_power").variable(tf.constant(beta2));
        Operand<TFloat32> lr = tf.constant((float) learningRate);
        Operand<TFloat32> b1 = tf.constant(beta1);
        Operand<TFloat32> b2 = tf.constant(beta2);
        Operand<TFloat32> epsilon = tf.constant(1e-7f);
        // Reference variables are read without a copy, and TensorFlow runs cheap kernels inline
        // beside its inter-op thread: an update could land while backprop still reads a weight.
        // Every update therefore waits for every gradient (which also makes training repeatable).
        List<Identity<TFloat32>> grads = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            grads.add(tf.identity(gradients.<TFloat32>dy(i)));
        }
        Ops afterGradients = tf.withControlDependencies(new ArrayList<Op>(grads));
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            Variable<TFloat32> p = parameters.get(i);
            Variable<TFloat32> m = tf.variable(tf.zerosLike(p));
            Variable<TFloat32> v = tf.variable(tf.zerosLike(p));
            updates.add(
                    afterGradients.train.applyAdam(
                            p, m, v, beta1Power, beta2Power, lr, b1, b2, epsilon, grads.get(i)));
        }
        Ops after = tf.withControlDependencies(updates);
        trainStep.addAll(updates);
        trainStep.add(after.assign(beta1Power, after.math.mul(beta1Power, b1)));
        trainStep.add(after.assign(beta2Power, after.math.mul(beta2Power, b2)));
    }

    /** One placeholder + assign per parameter, to put back the best weights after training. */
    private void addRestoreOps() {
        for (Variable<TFloat32> p : parameters) {
            Placeholder<TFloat32> value = tf.placeholder(TFloat32.class);
            restoreInputs.add(value);
            restoreOps.add(tf.assign(p, value));
        }
    }

    private Operand<TFloat32> dense(String name, Operand<TFloat32> in, int fanIn, int fanOut) {
        Variable<TFloat32> w = weights(name + "_w", fanIn, fanOut);
        Variable<TFloat32> b = zerosVector(name + "_b", fanOut);
        return tf.math.add(tf.linalg.matMul(in, w), b);
    }

    private Variable<TFloat32> weights(String name, int fanIn, int fanOut) {
        double bound = Math.sqrt(6.0 / fanIn);
        float[][] init = new float[fanIn][fanOut];
        for (float[] row : init) {
            for (int j = 0; j < fanOut; j++) {
                row[j] = (float) ((2 * random.nextDouble() - 1) * bound);
            }
        }
        return register(tf.withName(name).variable(tf.constant(init)));
    }

    private Variable<TFloat32> zeros(String name, int rows, int cols) {
        return register(tf.withName(name).variable(tf.constant(new float[rows][cols])));
    }

    private Variable<TFloat32> zerosVector(String name, int size) {
        return register(tf.withName(name).variable(tf.constant(new float[size])));
    }

    private Variable<TFloat32> register(Variable<TFloat32> v) {
        parameters.add(v);
        return v;
    }
}
