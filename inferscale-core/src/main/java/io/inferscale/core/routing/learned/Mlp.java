package io.inferscale.core.routing.learned;

import java.util.List;

/**
 * A small fully connected network, as the {@code routing.policies} contract carries it: layer
 * widths input first, and per layer its weight matrix (row-major, out x in) then its bias. Hidden
 * layers use ReLU, the single output is linear: the replica's score. Immutable; evaluation
 * allocates only two scratch arrays per call, sized by the widest layer.
 */
public final class Mlp {
    private final int[] sizes;
    private final double[] weights;
    private final int widest;

    public Mlp(List<Integer> layerSizes, double[] weights) {
        if (layerSizes.size() < 2) {
            throw new IllegalArgumentException("layerSizes: need an input and an output layer");
        }
        if (layerSizes.get(layerSizes.size() - 1) != 1) {
            throw new IllegalArgumentException("layerSizes: the output layer must be 1 (a score)");
        }
        this.sizes = layerSizes.stream().mapToInt(Integer::intValue).toArray();
        int expected = 0;
        int max = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("layerSizes: every layer needs >= 1 unit");
            }
            max = Math.max(max, sizes[i]);
            if (i > 0) {
                expected += sizes[i] * sizes[i - 1] + sizes[i];
            }
        }
        if (weights.length != expected) {
            throw new IllegalArgumentException(
                    "weights: expected " + expected + " values, had " + weights.length);
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("weights: must all be finite");
            }
        }
        this.weights = weights.clone();
        this.widest = max;
    }

    public int inputs() {
        return sizes[0];
    }

    public double score(double[] input) {
        if (input.length != sizes[0]) {
            throw new IllegalArgumentException(
                    "input: expected " + sizes[0] + " values, had " + input.length);
        }
        double[] in = new double[widest];
        double[] out = new double[widest];
        System.arraycopy(input, 0, in, 0, input.length);
        int w = 0;
        for (int layer = 1; layer < sizes.length; layer++) {
            int nIn = sizes[layer - 1];
            int nOut = sizes[layer];
            int bias = w + nOut * nIn;
            boolean hidden = layer < sizes.length - 1;
            for (int o = 0; o < nOut; o++) {
                double sum = weights[bias + o];
                int row = w + o * nIn;
                for (int i = 0; i < nIn; i++) {
                    sum += weights[row + i] * in[i];
                }
                out[o] = hidden ? Math.max(0, sum) : sum;
            }
            w = bias + nOut;
            double[] t = in;
            in = out;
            out = t;
        }
        return in[0];
    }
}
