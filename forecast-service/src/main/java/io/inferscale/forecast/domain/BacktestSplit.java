package io.inferscale.forecast.domain;

import io.inferscale.core.forecast.DemandSeries;
import java.time.Duration;

/**
 * A training series cut in two: the forecasters fit on {@code train}, the backtest walks through
 * {@code test} (the most recent days). The version that serves afterwards is the one fitted on
 * {@code train}: the next round's backtest window lies after it, so the serving version can be
 * re-scored there without having seen the targets.
 */
public record BacktestSplit(DemandSeries train, DemandSeries test) {

    /**
     * @throws IllegalArgumentException if the series is not longer than the backtest window
     */
    public static BacktestSplit lastPart(DemandSeries series, Duration backtestWindow) {
        long steps = backtestWindow.toNanos() / series.step().toNanos();
        if (steps < 1 || steps >= series.size()) {
            throw new IllegalArgumentException(
                    "a backtest over the last "
                            + backtestWindow
                            + " needs a longer history than "
                            + series.step().multipliedBy(series.size()));
        }
        int cut = series.size() - (int) steps;
        return new BacktestSplit(series.slice(0, cut), series.slice(cut, series.size()));
    }
}
