package io.inferscale.collector;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param rawRetention how long raw per-request telemetry rows are kept
 * @param maxSeriesPoints the most points one series query may return
 */
@Validated
@ConfigurationProperties("inferscale.collector")
public record CollectorProperties(
        @NotNull Duration rawRetention, @Min(10) @Max(1_000_000) int maxSeriesPoints) {}
