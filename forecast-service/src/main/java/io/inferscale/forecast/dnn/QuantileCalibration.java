package io.inferscale.forecast.dnn;

import java.util.Arrays;

/**
 * Maps a requested quantile level to the network's outputs by their coverage on held-out data
 * (recalibration, Kuleshov et al., ICML 2018), not by their nominal level. A network trained with
 * the pinball loss is calibrated on its training origins but tends to be overconfident on new ones
 * (on the NASA trace its nominal p90 covered ~87% of the test minutes); the held-out slice used for
 * early stopping shows by how much, and serving asks for the output whose observed coverage is the
 * level requested.
 *
 * @param coverage for each trained level (ascending), the share of held-out targets at or below its
 *     (sorted, clipped) output; non-decreasing
 */
record QuantileCalibration(double[] coverage) {

    QuantileCalibration {
        coverage = coverage.clone();
        for (int i = 1; i < coverage.length; i++) {
            // Ties would make the interpolation ambiguous: keep the curve strictly increasing.
            coverage[i] = Math.max(coverage[i], Math.nextUp(coverage[i - 1]));
        }
    }

    /** The identity: outputs used at their nominal levels. */
    static QuantileCalibration nominal(double[] levels) {
        return new QuantileCalibration(levels);
    }

    /**
     * @param outputs network outputs (scaled units) for rows {@code from..data.rows()}, row-major,
     *     {@code levels x horizon} per row, as {@link TrainedGraph#predict} returns them
     */
    static QuantileCalibration measure(
            float[] outputs, TrainingSet data, int from, double[] levels) {
        int q = levels.length;
        int h = data.horizon();
        long[] below = new long[q];
        long observed = 0;
        double[] column = new double[q];
        for (int r = from; r < data.rows(); r++) {
            int base = (r - from) * q * h;
            for (int step = 0; step < h; step++) {
                if (data.mask()[r * h + step] == 0f) {
                    continue;
                }
                for (int l = 0; l < q; l++) {
                    column[l] = Math.max(0.0, outputs[base + l * h + step]);
                }
                Arrays.sort(column);
                double y = data.targets()[r * h + step];
                for (int l = 0; l < q; l++) {
                    if (y <= column[l]) {
                        below[l]++;
                    }
                }
                observed++;
            }
        }
        if (observed == 0) {
            return nominal(levels);
        }
        double[] coverage = new double[q];
        for (int l = 0; l < q; l++) {
            coverage[l] = (double) below[l] / observed;
        }
        return new QuantileCalibration(coverage);
    }

    /**
     * The value at {@code level} from one step's sorted outputs: linear between the two outputs
     * whose coverage brackets the level, held flat beyond the outermost ones.
     */
    double valueAt(double level, double[] sortedOutputs) {
        int hi = 0;
        while (hi < coverage.length && coverage[hi] < level) {
            hi++;
        }
        if (hi == 0) {
            return sortedOutputs[0];
        }
        if (hi == coverage.length) {
            return sortedOutputs[coverage.length - 1];
        }
        double w = (level - coverage[hi - 1]) / (coverage[hi] - coverage[hi - 1]);
        return (1 - w) * sortedOutputs[hi - 1] + w * sortedOutputs[hi];
    }

    @Override
    public double[] coverage() {
        return coverage.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantileCalibration c && Arrays.equals(coverage, c.coverage);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coverage);
    }

    @Override
    public String toString() {
        return "QuantileCalibration" + Arrays.toString(coverage);
    }
}
