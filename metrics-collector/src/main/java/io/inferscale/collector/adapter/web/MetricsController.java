package io.inferscale.collector.adapter.web;

import io.inferscale.collector.CollectorProperties;
import io.inferscale.collector.adapter.jdbc.RequestTelemetryRepository;
import io.inferscale.collector.domain.RecordedRequest;
import io.inferscale.collector.domain.SeriesPoint;
import io.inferscale.collector.domain.SeriesQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API over stored telemetry; reached through the gateway at {@code /api/v1/metrics/**}. */
@RestController
@RequestMapping("/api/v1/metrics")
public class MetricsController {
    private final RequestTelemetryRepository repository;
    private final CollectorProperties properties;
    private final Clock clock;

    public MetricsController(
            RequestTelemetryRepository repository, CollectorProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** The most recent requests of one model, newest first. */
    @GetMapping("/models/{model}/requests")
    public List<RecordedRequest> recentRequests(
            @PathVariable String model,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return repository.recent(model, limit);
    }

    /**
     * One model's request series in buckets of {@code step} over [from, to); defaults to the last
     * hour by minute.
     */
    @GetMapping("/models/{model}/series")
    public SeriesResponse series(
            @PathVariable String model,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @RequestParam(defaultValue = "PT1M") Duration step) {
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(Duration.ofHours(1));
        SeriesQuery query =
                new SeriesQuery(model, start, end, step)
                        .requireAtMost(properties.maxSeriesPoints());
        return new SeriesResponse(model, start, end, step, repository.series(query));
    }

    public record SeriesResponse(
            String model, Instant from, Instant to, Duration step, List<SeriesPoint> points) {}
}
