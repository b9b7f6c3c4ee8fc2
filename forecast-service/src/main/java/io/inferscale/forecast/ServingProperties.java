package io.inferscale.forecast;

import io.inferscale.forecast.domain.FreshnessRule;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Publishing forecasts ({@code inferscale.forecast.serving.*}; every key is documented with its
 * default in application.yml).
 *
 * @param enabled publish at all; the REST API stays up either way
 * @param step the forecast step and the demand window length read (60 s windows by default)
 * @param publishEvery how often forecasts are published; normally the step
 * @param horizonSteps forecast steps 1..H after the origin
 * @param levels the quantile levels published
 * @param maxInputAge the newest demand window may be this old before forecasts are degraded
 * @param tailSteps the most recent steps checked for gaps
 * @param maxMissingInTail more missing steps than this among them degrade the forecast
 * @param lookback how much history a forecast reads (the weekly seasonal naive and the DNN need a
 *     week)
 * @param forgetAfter a model with no demand window for this long gets no more forecasts
 * @param tokensPerRequestWindow the recent history whose output tokens per request turn the request
 *     forecast into a token-rate forecast
 */
@Validated
@ConfigurationProperties("inferscale.forecast.serving")
public record ServingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") @NotNull Duration step,
        @DefaultValue("1m") @NotNull Duration publishEvery,
        @DefaultValue("30") @Min(1) @Max(1440) int horizonSteps,
        @DefaultValue({"0.5", "0.9"}) @NotEmpty List<Double> levels,
        @DefaultValue("3m") @NotNull Duration maxInputAge,
        @DefaultValue("10") @Min(1) int tailSteps,
        @DefaultValue("2") @Min(0) int maxMissingInTail,
        @DefaultValue("8d") @NotNull Duration lookback,
        @DefaultValue("1d") @NotNull Duration forgetAfter,
        @DefaultValue("1h") @NotNull Duration tokensPerRequestWindow) {

    @AssertTrue(message = "step must be a whole number of seconds that divides a day")
    public boolean isStepValid() {
        return step == null
                || (step.toMillis() % 1000 == 0
                        && step.toSeconds() > 0
                        && 86_400 % step.toSeconds() == 0);
    }

    @AssertTrue(message = "levels must lie in (0, 1) and include 0.9 (the scaler provisions on it)")
    public boolean isLevelsValid() {
        return levels == null
                || (levels.stream().allMatch(l -> l != null && l > 0 && l < 1)
                        && levels.contains(0.9));
    }

    @AssertTrue(message = "max-missing-in-tail must be below tail-steps")
    public boolean isTailValid() {
        return maxMissingInTail < tailSteps;
    }

    public int stepSeconds() {
        return Math.toIntExact(step.toSeconds());
    }

    public double[] levelArray() {
        return levels.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    public FreshnessRule freshnessRule() {
        return new FreshnessRule(maxInputAge, tailSteps, maxMissingInTail);
    }
}
