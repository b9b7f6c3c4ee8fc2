package io.inferscale.forecast;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param historyRetention how long demand windows are kept for training and backtests
 */
@Validated
@ConfigurationProperties("inferscale.forecast")
public record ForecastProperties(@NotNull Duration historyRetention) {}
