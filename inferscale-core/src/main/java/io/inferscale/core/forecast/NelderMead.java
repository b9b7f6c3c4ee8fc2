package io.inferscale.core.forecast;

import java.util.function.ToDoubleFunction;

/**
 * A small Nelder-Mead simplex minimiser (reflection 1, expansion 2, contraction 1/2, shrink 1/2)
 * for a handful of parameters. Box constraints are the caller's: evaluate the objective on clamped
 * parameters. A non-finite objective value counts as +infinity, so that a diverging fit is simply
 * never chosen.
 */
final class NelderMead {

    private NelderMead() {}

    /** The best point found and its objective value. */
    record Minimum(double[] point, double value, int evaluations) {}

    /**
     * @param start the starting point
     * @param initialStep the simplex's edge along each axis
     * @param tolerance stop when the simplex's values differ by at most this (relative) and its
     *     points by at most this (absolute)
     * @param maxEvaluations the evaluation budget
     */
    static Minimum minimise(
            ToDoubleFunction<double[]> objective,
            double[] start,
            double initialStep,
            double tolerance,
            int maxEvaluations) {
        int d = start.length;
        double[][] x = new double[d + 1][];
        double[] f = new double[d + 1];
        int[] evaluations = {0};
        ToDoubleFunction<double[]> fn =
                p -> {
                    evaluations[0]++;
                    double v = objective.applyAsDouble(p);
                    return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
                };
        for (int i = 0; i <= d; i++) {
            x[i] = start.clone();
            if (i > 0) {
                x[i][i - 1] += initialStep;
            }
            f[i] = fn.applyAsDouble(x[i]);
        }
        while (evaluations[0] < maxEvaluations) {
            sort(x, f);
            if (converged(x, f, tolerance)) {
                break;
            }
            double[] centroid = new double[d];
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    centroid[k] += x[i][k] / d;
                }
            }
            double[] reflected = along(centroid, x[d], -1);
            double fr = fn.applyAsDouble(reflected);
            if (fr < f[0]) {
                double[] expanded = along(centroid, x[d], -2);
                double fe = fn.applyAsDouble(expanded);
                replaceWorst(x, f, fe < fr ? expanded : reflected, Math.min(fe, fr));
            } else if (fr < f[d - 1]) {
                replaceWorst(x, f, reflected, fr);
            } else {
                boolean outside = fr < f[d];
                double[] contracted = along(centroid, outside ? reflected : x[d], 0.5);
                double fc = fn.applyAsDouble(contracted);
                if (fc < (outside ? fr : f[d])) {
                    replaceWorst(x, f, contracted, fc);
                } else {
                    for (int i = 1; i <= d; i++) {
                        x[i] = along(x[0], x[i], 0.5);
                        f[i] = fn.applyAsDouble(x[i]);
                    }
                }
            }
        }
        sort(x, f);
        return new Minimum(x[0], f[0], evaluations[0]);
    }

    /** {@code from + t * (to - from)}. */
    private static double[] along(double[] from, double[] to, double t) {
        double[] p = new double[from.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = from[k] + t * (to[k] - from[k]);
        }
        return p;
    }

    private static void replaceWorst(double[][] x, double[] f, double[] p, double fp) {
        x[x.length - 1] = p;
        f[f.length - 1] = fp;
    }

    private static boolean converged(double[][] x, double[] f, double tolerance) {
        double best = f[0];
        double worst = f[f.length - 1];
        if (Double.isInfinite(worst)) {
            return false;
        }
        if (worst - best > tolerance * Math.abs(best)) {
            return false;
        }
        for (int i = 1; i < x.length; i++) {
            for (int k = 0; k < x[0].length; k++) {
                if (Math.abs(x[i][k] - x[0][k]) > tolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Orders the simplex by value, best first (insertion sort: d + 1 is tiny). */
    private static void sort(double[][] x, double[] f) {
        for (int i = 1; i < f.length; i++) {
            double fi = f[i];
            double[] xi = x[i];
            int j = i - 1;
            while (j >= 0 && f[j] > fi) {
                f[j + 1] = f[j];
                x[j + 1] = x[j];
                j--;
            }
            f[j + 1] = fi;
            x[j + 1] = xi;
        }
    }
}
