package io.inferscale.collector.adapter.rollup;

import io.inferscale.collector.adapter.window.WindowProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes minute rollups past their retention; runs often so each delete stays small. */
@Component
public class RollupRetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RollupRetentionJob.class);
    private final RollupRepository rollups;
    private final WindowProperties properties;
    private final Clock clock;

    public RollupRetentionJob(RollupRepository rollups, WindowProperties properties, Clock clock) {
        this.rollups = rollups;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    public void purge() {
        int deleted = rollups.deleteBefore(clock.instant().minus(properties.rollupRetention()));
        if (deleted > 0) {
            log.info(
                    "retention: deleted {} rollup rows older than {}",
                    deleted,
                    properties.rollupRetention());
        }
    }
}
