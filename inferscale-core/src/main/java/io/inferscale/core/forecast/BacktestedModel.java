package io.inferscale.core.forecast;

/**
 * One fitted forecaster's rolling-origin backtest result, as the promotion rule sees it.
 *
 * @param id names the fitted version, e.g. {@code dnn@v12}
 * @param mase MASE of the p50 at the serving horizon; NaN when nothing could be scored
 * @param p90Coverage share of backtest targets at or below the p90; NaN when nothing was scored
 */
public record BacktestedModel(String id, double mase, double p90Coverage) {
    public BacktestedModel {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a backtested model needs an id");
        }
    }

    /** Scored at all: a NaN MASE (no target, a constant series) can neither win nor lose. */
    public boolean scored() {
        return Double.isFinite(mase);
    }
}
