package io.inferscale.forecast.adapter.jdbc;

import io.inferscale.forecast.ForecastProperties;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class HistoryRetentionJob {
    private final DemandHistoryRepository repository;
    private final ForecastProperties properties;
    private final Clock clock;

    public HistoryRetentionJob(
            DemandHistoryRepository repository, ForecastProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
    public void purge() {
        repository.deleteBefore(clock.instant().minus(properties.historyRetention()));
    }
}
