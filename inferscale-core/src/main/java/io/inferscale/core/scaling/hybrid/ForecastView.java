package io.inferscale.core.scaling.hybrid;

import java.util.Arrays;
import java.util.Objects;

/**
 * The p90 demand forecast the predictive term reads: step {@code h} (1-based) covers {@code [origin
 * + (h - 1) * step, origin + h * step)}. The p90 rather than the median because under-provisioning
 * costs SLO misses for a whole cold start while over-provisioning costs only replica-seconds.
 *
 * @param originNanos the end of the forecaster's observed data, on the decider's clock
 * @param stepNanos the spacing of the steps
 * @param p90RequestsPerSecond per step, the p90 of the arrival rate
 * @param p90OutputTokensPerSecond per step, the p90 of output tokens/s; null when not forecast.
 *     Used instead of the request rate when the policy has a tokens/s target
 * @param forecaster its name, for explanations
 * @param degraded set by the forecaster when its input had gaps or was stale
 * @param degradedReason why, when degraded
 */
public record ForecastView(
        long originNanos,
        long stepNanos,
        double[] p90RequestsPerSecond,
        double[] p90OutputTokensPerSecond,
        String forecaster,
        boolean degraded,
        String degradedReason) {

    public ForecastView {
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("stepNanos: must be > 0");
        }
        p90RequestsPerSecond = checked(p90RequestsPerSecond, "p90RequestsPerSecond");
        if (p90OutputTokensPerSecond != null) {
            p90OutputTokensPerSecond =
                    checked(p90OutputTokensPerSecond, "p90OutputTokensPerSecond");
            if (p90OutputTokensPerSecond.length != p90RequestsPerSecond.length) {
                throw new IllegalArgumentException(
                        "p90OutputTokensPerSecond: must have one value per step, like"
                                + " p90RequestsPerSecond");
            }
        }
        if (forecaster == null || forecaster.isBlank()) {
            throw new IllegalArgumentException("forecaster: must not be blank");
        }
        if (degraded && (degradedReason == null || degradedReason.isBlank())) {
            throw new IllegalArgumentException("degradedReason: is required when degraded");
        }
    }

    /** A healthy request-rate forecast. */
    public static ForecastView ofRequests(
            long originNanos, long stepNanos, double[] p90RequestsPerSecond, String forecaster) {
        return new ForecastView(
                originNanos, stepNanos, p90RequestsPerSecond, null, forecaster, false, null);
    }

    private static double[] checked(double[] values, String field) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(field + ": needs at least one step");
        }
        for (double v : values) {
            DemandView.requireRate(v, field + "[]");
        }
        return values.clone();
    }

    public int horizonSteps() {
        return p90RequestsPerSecond.length;
    }

    /**
     * The step that contains {@code atNanos}, 1-based; 1 for instants before the origin (the first
     * step is the nearest thing the forecast says about them), {@code horizonSteps() + 1} or more
     * past its end.
     */
    int stepContaining(long atNanos) {
        long offset = atNanos - originNanos;
        return offset < 0 ? 1 : (int) Math.min(Integer.MAX_VALUE - 1, offset / stepNanos) + 1;
    }

    double requestsAt(int step) {
        return p90RequestsPerSecond[step - 1];
    }

    double tokensAt(int step) {
        return p90OutputTokensPerSecond[step - 1];
    }

    @Override
    public double[] p90RequestsPerSecond() {
        return p90RequestsPerSecond.clone();
    }

    @Override
    public double[] p90OutputTokensPerSecond() {
        return p90OutputTokensPerSecond == null ? null : p90OutputTokensPerSecond.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForecastView f
                && originNanos == f.originNanos
                && stepNanos == f.stepNanos
                && Arrays.equals(p90RequestsPerSecond, f.p90RequestsPerSecond)
                && Arrays.equals(p90OutputTokensPerSecond, f.p90OutputTokensPerSecond)
                && forecaster.equals(f.forecaster)
                && degraded == f.degraded
                && Objects.equals(degradedReason, f.degradedReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                originNanos,
                stepNanos,
                Arrays.hashCode(p90RequestsPerSecond),
                Arrays.hashCode(p90OutputTokensPerSecond),
                forecaster,
                degraded,
                degradedReason);
    }

    @Override
    public String toString() {
        return "ForecastView["
                + forecaster
                + " origin="
                + originNanos
                + " step="
                + stepNanos
                + " x"
                + p90RequestsPerSecond.length
                + (degraded ? " degraded: " + degradedReason : "")
                + "]";
    }
}
