package io.inferscale.forecast;

import io.inferscale.core.forecast.PromotionRule;
import io.inferscale.forecast.domain.TrainingSchedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Training rounds ({@code inferscale.forecast.training.*}; every key is documented with its default
 * in application.yml).
 *
 * @param enabled train on a schedule at all; the operator trigger works either way
 * @param interval how often each model is retrained
 * @param checkEvery how often models are checked for being due (new models, enough history)
 * @param retryAfter the wait after a failed round, or one that left nothing serving
 * @param minHistory observed history a model needs before its first round
 * @param window the most recent history a round reads
 * @param backtestWindow the most recent part of it the backtest walks through; versions are fitted
 *     on the rest
 * @param backtestHorizonSteps the step after each origin that is scored (MASE, p90 coverage)
 * @param originEvery spacing of the backtest's forecast origins
 * @param minRelativeImprovement how much lower a candidate's MASE must be to be promoted (0 =
 *     strictly lower)
 * @param minCandidateP90Coverage a candidate whose p90 covers less of the backtest is not promoted
 * @param artifactsDir where DNN versions are exported (one SavedModel directory per version)
 */
@Validated
@ConfigurationProperties("inferscale.forecast.training")
public record TrainingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("6h") @NotNull Duration interval,
        @DefaultValue("1m") @NotNull Duration checkEvery,
        @DefaultValue("30m") @NotNull Duration retryAfter,
        @DefaultValue("4d") @NotNull Duration minHistory,
        @DefaultValue("21d") @NotNull Duration window,
        @DefaultValue("2d") @NotNull Duration backtestWindow,
        @DefaultValue("30") @Min(1) int backtestHorizonSteps,
        @DefaultValue("10m") @NotNull Duration originEvery,
        @DefaultValue("0.0") @DecimalMin("0.0") @DecimalMax("0.5") double minRelativeImprovement,
        @DefaultValue("0.8") @DecimalMin("0.0") @DecimalMax("1.0") double minCandidateP90Coverage,
        @DefaultValue("var/forecast/models") @NotNull Path artifactsDir,
        @DefaultValue @Valid Dnn dnn) {

    /**
     * The DNN candidate (see docs/adr/0007). The defaults are the benchmarked network.
     *
     * @param enabled train a DNN candidate each round; needs TENSORFLOW_LIBRARY_PATH
     * @param maxTrainingTime a cap on one training's wall time (checked between epochs)
     */
    public record Dnn(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2") @Min(1) @Max(8) int blocks,
            @DefaultValue("128") @Min(1) @Max(1024) int width,
            @DefaultValue("2") @Min(1) @Max(8) int layers,
            @DefaultValue("40") @Min(1) @Max(1000) int maxEpochs,
            @DefaultValue("45s") @NotNull Duration maxTrainingTime,
            @DefaultValue("42") long seed) {}

    @AssertTrue(
            message =
                    "need backtest-window < min-history <= window, and a day of training data"
                            + " before the backtest window")
    public boolean isWindowsValid() {
        return minHistory == null
                || window == null
                || backtestWindow == null
                || (backtestWindow.compareTo(Duration.ZERO) > 0
                        && minHistory.compareTo(window) <= 0
                        && minHistory.minus(backtestWindow).compareTo(Duration.ofDays(1)) >= 0);
    }

    public TrainingSchedule schedule() {
        return new TrainingSchedule(interval, retryAfter, minHistory);
    }

    public PromotionRule promotionRule() {
        return new PromotionRule(minRelativeImprovement, minCandidateP90Coverage);
    }
}
