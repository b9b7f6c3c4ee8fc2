package io.inferscale.collector.adapter.scrape;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Replica scraping ({@code inferscale.collector.scrape.*}; every key is documented with its default
 * in application.yml).
 *
 * @param enabled scrape at all; the fleet view endpoint stays up either way
 * @param interval how often each target is scraped
 * @param timeout per scrape, connect to last byte; must be shorter than the interval
 * @param jitter share of the interval the per-target offsets spread over (1 = evenly over all of
 *     it; 0 = every target at once)
 * @param maxConcurrency scrapes in flight at once; more wait their turn
 * @param maxBodySize a larger /metrics answer fails the scrape
 * @param metricsPath appended to the replica's address
 * @param metricsPorts per server kind, the port metrics are served on when it is not the serving
 *     port (Triton 8002, TorchServe 8082)
 * @param staticTargets replicas not in {@code fleet.state}: {@code model=http://host:port}
 * @param staticServerKind server kind of the static targets; {@code auto} detects it
 * @param groupId consumer group of the {@code fleet.state} listener: instances sharing it split the
 *     models between them
 * @param workerThreads threads that complete HTTP exchanges and parse bodies
 * @param publishBuffer snapshots held for Kafka before new ones are dropped (and counted)
 * @param malformedLogInterval a target's malformed lines are logged at most this often
 * @param viewSilentAfter the fleet view reports a replica stale once no snapshot came for this long
 * @param viewExpireAfter the fleet view forgets a replica silent this long (scaled in)
 */
@Validated
@ConfigurationProperties("inferscale.collector.scrape")
public record ScrapeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") @NotNull Duration interval,
        @DefaultValue("2s") @NotNull Duration timeout,
        @DefaultValue("1.0") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
        @DefaultValue("64") @Min(1) @Max(100_000) int maxConcurrency,
        @DefaultValue("4MB") @NotNull DataSize maxBodySize,
        @DefaultValue("/metrics") @NotBlank String metricsPath,
        @DefaultValue Map<String, Integer> metricsPorts,
        @DefaultValue List<String> staticTargets,
        @DefaultValue("auto") @NotBlank String staticServerKind,
        @DefaultValue("metrics-collector-scrape") @NotBlank String groupId,
        @DefaultValue("2") @Min(1) @Max(64) int workerThreads,
        @DefaultValue("10000") @Min(100) int publishBuffer,
        @DefaultValue("1m") @NotNull Duration malformedLogInterval,
        @DefaultValue("15s") @NotNull Duration viewSilentAfter,
        @DefaultValue("2m") @NotNull Duration viewExpireAfter) {

    @AssertTrue(message = "interval must be at least 100ms and longer than timeout")
    public boolean isTimeoutWithinInterval() {
        return interval == null
                || timeout == null
                || (interval.toMillis() >= 100
                        && !timeout.isNegative()
                        && !timeout.isZero()
                        && timeout.compareTo(interval) < 0);
    }

    /** How often the loop looks for due targets: fine enough that offsets stay meaningful. */
    public Duration tick() {
        return Duration.ofMillis(Math.max(10, Math.min(100, interval.toMillis() / 20)));
    }
}
