package io.inferscale.forecast.dnn;

import io.inferscale.core.forecast.DemandSeries;
import java.util.Arrays;

/**
 * Supervised examples cut from a training series: for every origin with a day of history and at
 * least one observed target step, the features and the next {@code horizon} steps (scaled). Target
 * steps that are missing keep a 0 in {@code targets} and a 0 in {@code mask}, so the loss skips
 * them; they are never trained on as zero demand.
 */
record TrainingSet(
        int rows, int inputs, int horizon, float[] features, float[] targets, float[] mask) {

    static TrainingSet cut(DemandSeries series, DnnFeatures layout, int horizon, double scale) {
        double[] raw = series.values();
        double[] filled = layout.impute(raw, scale);
        int first = Math.min(layout.stepsPerDay(), Math.max(1, raw.length - horizon));
        int inputs = DnnFeatures.SIZE;
        int capacity = Math.max(0, raw.length - first);
        float[] x = new float[capacity * inputs];
        float[] y = new float[capacity * horizon];
        float[] m = new float[capacity * horizon];
        int rows = 0;
        for (int t = first; t < raw.length; t++) {
            int observed = 0;
            for (int h = 0; h < horizon && t + h < raw.length; h++) {
                double v = raw[t + h];
                if (!Double.isNaN(v)) {
                    y[rows * horizon + h] = (float) (v / scale);
                    m[rows * horizon + h] = 1f;
                    observed++;
                }
            }
            if (observed == 0) {
                Arrays.fill(y, rows * horizon, (rows + 1) * horizon, 0f);
                Arrays.fill(m, rows * horizon, (rows + 1) * horizon, 0f);
                continue;
            }
            layout.write(raw, filled, t, series.timeOf(t), scale, x, rows * inputs);
            rows++;
        }
        return new TrainingSet(
                rows,
                inputs,
                horizon,
                Arrays.copyOf(x, rows * inputs),
                Arrays.copyOf(y, rows * horizon),
                Arrays.copyOf(m, rows * horizon));
    }

    /** The robust scale: the median of the observed values (the mean if the median is 0). */
    static double robustScale(double[] values) {
        double[] observed = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (observed.length == 0) {
            throw new IllegalArgumentException("the training series has no observed value");
        }
        double median = observed[observed.length / 2];
        if (median > 0) {
            return median;
        }
        double mean = Arrays.stream(observed).average().orElse(0);
        return mean > 0 ? mean : 1.0;
    }
}
