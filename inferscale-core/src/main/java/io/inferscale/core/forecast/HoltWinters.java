package io.inferscale.core.forecast;

import java.time.Duration;
import java.time.Instant;

/**
 * Additive Holt-Winters (level, trend, daily season: 1,440 phases for minute data). See {@link
 * HoltWintersState} for the equations, the initialisation and the handling of missing values.
 *
 * <p>Fitting: the smoothing parameters (alpha, beta, gamma, each in [0, 1]) minimise the in-sample
 * sum of squared one-step errors over the training series; a coarse grid finds the basin (the
 * surface has flat regions and local minima), then Nelder-Mead refines the best grid point. The
 * filter is then run over the training series once more with those parameters; its end state is
 * kept, and the {@code h}-step errors from every origin after the first season give the quantiles
 * for step {@code h} (steps past {@code maxHorizon} reuse the last).
 *
 * <p>Forecasting rolls the fitted end state forward over the observations in {@code recent} after
 * the training series (minutes before {@code recent} starts count as missing), so a forecast costs
 * O(steps since the fit). An origin before the fit's end cannot use that state without peeking: the
 * filter then starts afresh from {@code recent} (two seasons at least) with the fitted parameters.
 */
public final class HoltWinters implements DemandForecaster {

    public static final Duration DAILY = Duration.ofDays(1);
    public static final int DEFAULT_MAX_HORIZON = 60;

    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9};
    private static final double[] BETAS = {0, 0.001, 0.01, 0.05, 0.2};
    private static final double[] GAMMAS = {0, 0.02, 0.05, 0.1, 0.2, 0.4, 0.7};

    /** Smoothing parameters of level, trend and season, each in [0, 1]. */
    public record Parameters(double alpha, double beta, double gamma) {
        static Parameters clamped(double[] p) {
            return new Parameters(clamp(p[0]), clamp(p[1]), clamp(p[2]));
        }

        private static double clamp(double v) {
            return Math.min(1, Math.max(0, v));
        }
    }

    private final Duration season;
    private final int maxHorizon;

    private Duration step;
    private Instant anchor;
    private long fittedSteps;
    private Parameters parameters;
    private HoltWintersState endState;
    private ResidualQuantiles errors;

    public HoltWinters() {
        this(DAILY, DEFAULT_MAX_HORIZON);
    }

    /**
     * @param season the seasonal period; the series' step must divide it
     * @param maxHorizon the furthest step whose in-sample errors are measured at fit time
     */
    public HoltWinters(Duration season, int maxHorizon) {
        if (season == null || season.isZero() || season.isNegative() || maxHorizon < 1) {
            throw new IllegalArgumentException("holt-winters needs a season > 0, maxHorizon >= 1");
        }
        this.season = season;
        this.maxHorizon = maxHorizon;
    }

    @Override
    public String name() {
        return "holt-winters";
    }

    /** The fitted smoothing parameters; null before {@link #fit}. */
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public void fit(DemandSeries history) {
        int m = ForecastArgs.stepsPer(season, history.step());
        double[] y = history.values();
        HoltWintersState initial = HoltWintersState.initial(y, m, 0);
        Parameters fitted = optimise(y, initial);

        HoltWintersState state = initial.copy();
        double[][] residuals = new double[maxHorizon][Math.max(0, y.length - m)];
        int[] counts = new int[maxHorizon];
        for (int t = 0; t < y.length; t++) {
            if (t >= m) {
                for (int h = 1; h <= maxHorizon && t + h - 1 < y.length; h++) {
                    double actual = y[t + h - 1];
                    if (!Double.isNaN(actual)) {
                        residuals[h - 1][counts[h - 1]++] = actual - state.forecast(h);
                    }
                }
            }
            state.update(fitted.alpha(), fitted.beta(), fitted.gamma(), y[t]);
        }
        errors = ResidualQuantiles.of(residuals, counts);
        parameters = fitted;
        endState = state;
        anchor = history.start();
        fittedSteps = y.length;
        step = history.step();
    }

    private static Parameters optimise(double[] y, HoltWintersState initial) {
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    double[] p = {a, b, g};
                    double sse = sse(y, initial, p);
                    if (sse < bestSse || best == null) {
                        bestSse = sse;
                        best = p;
                    }
                }
            }
        }
        NelderMead.Minimum refined =
                NelderMead.minimise(p -> sse(y, initial, p), best, 0.05, 1e-7, 400);
        return Parameters.clamped(refined.value() < bestSse ? refined.point() : best);
    }

    private static double sse(double[] y, HoltWintersState initial, double[] raw) {
        Parameters p = Parameters.clamped(raw);
        HoltWintersState state = initial.copy();
        double sum = 0;
        for (double v : y) {
            double e = state.update(p.alpha(), p.beta(), p.gamma(), v);
            sum += e * e;
        }
        return sum;
    }

    @Override
    public QuantileForecast forecast(DemandSeries recent, int horizon, double[] levels) {
        ForecastArgs.checkRequest(recent, horizon, levels);
        ForecastArgs.checkSameStep(name(), step, recent.step());
        int m = ForecastArgs.stepsPer(season, step);
        double[] y = recent.values();
        long offset = stepsFromAnchor(recent.start());
        HoltWintersState state;
        long from;
        if (offset + y.length >= fittedSteps) {
            state = endState.copy();
            from = fittedSteps;
        } else {
            state = HoltWintersState.initial(y, m, (int) Math.floorMod(offset, (long) m));
            from = offset;
        }
        for (long t = from; t < offset + y.length; t++) {
            long i = t - offset;
            state.update(
                    parameters.alpha(),
                    parameters.beta(),
                    parameters.gamma(),
                    i >= 0 ? y[(int) i] : Double.NaN);
        }
        double[] point = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            point[h - 1] = state.forecast(h);
        }
        return errors.around(recent.end(), recent.step(), point, levels);
    }

    private long stepsFromAnchor(Instant t) {
        Duration d = Duration.between(anchor, t);
        long stepNanos = step.toNanos();
        long nanos = d.toNanos();
        if (nanos % stepNanos != 0) {
            throw new IllegalArgumentException(
                    "holt-winters: recent starts at "
                            + t
                            + ", not a whole number of "
                            + step
                            + " steps from the training series' start "
                            + anchor);
        }
        return nanos / stepNanos;
    }

    @Override
    public String toString() {
        return name() + (parameters == null ? "" : parameters.toString());
    }
}
