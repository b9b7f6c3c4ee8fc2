package io.inferscale.collector.adapter.window;

import io.inferscale.collector.domain.window.WindowSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demand windows, their consumer and the minute rollups ({@code inferscale.collector.windows.*};
 * every key is documented in application.yml). The window rules themselves are checked by {@link
 * WindowSettings} when the context starts, so a bad value stops the service instead of skewing the
 * demand series.
 *
 * @param enabled run the window consumer (off for a collector that only scrapes)
 * @param sizes window lengths; must include 60s, which the rollups are cut from
 * @param allowedLateness how long a window waits after its end for late records
 * @param idleTimeout how long zero-demand windows keep coming after a model's last request
 * @param maxClockSkew how far a record's event time may run ahead of its log timestamp
 * @param watermarkDelay when the input is idle, windows close by the wall clock minus this, to
 *     leave room for records already in the log but not yet fetched
 * @param groupId the consumer group; instances in one group split the models between them
 * @param pollTimeout the longest the consumer waits for records before checking for due windows
 * @param commitInterval how often offsets and the watermark are committed
 * @param maxPollRecords records per poll
 * @param rollupRetention how long minute rollups are kept
 */
@Validated
@ConfigurationProperties("inferscale.collector.windows")
public record WindowProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"1s", "10s", "60s"}) @NotEmpty List<Duration> sizes,
        @DefaultValue("30s") @NotNull Duration allowedLateness,
        @DefaultValue("5m") @NotNull Duration idleTimeout,
        @DefaultValue("10s") @NotNull Duration maxClockSkew,
        @DefaultValue("1s") @NotNull Duration watermarkDelay,
        @DefaultValue("metrics-collector-windows") @NotBlank String groupId,
        @DefaultValue("250ms") @NotNull Duration pollTimeout,
        @DefaultValue("5s") @NotNull Duration commitInterval,
        @DefaultValue("5000") @Min(1) @Max(100_000) int maxPollRecords,
        @DefaultValue("30d") @NotNull Duration rollupRetention) {

    public WindowSettings settings() {
        return new WindowSettings(sizes, allowedLateness, idleTimeout, maxClockSkew);
    }
}
