package io.inferscale.collector.adapter.jdbc;

import io.inferscale.collector.CollectorProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes raw telemetry past its retention. Runs often so each delete stays small. */
@Component
public class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private final RequestTelemetryRepository repository;
    private final CollectorProperties properties;
    private final Clock clock;

    public RetentionJob(
            RequestTelemetryRepository repository, CollectorProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    public void purge() {
        int deleted =
                repository.deleteFinishedBefore(clock.instant().minus(properties.rawRetention()));
        if (deleted > 0) {
            log.info(
                    "retention: deleted {} request telemetry rows older than {}",
                    deleted,
                    properties.rawRetention());
        }
    }
}
