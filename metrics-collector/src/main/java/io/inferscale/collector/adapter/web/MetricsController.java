package io.inferscale.collector.adapter.web;

import io.inferscale.collector.CollectorProperties;
import io.inferscale.collector.adapter.jdbc.RequestTelemetryRepository;
import io.inferscale.collector.adapter.rollup.RollupRepository;
import io.inferscale.collector.adapter.window.WindowProperties;
import io.inferscale.collector.domain.RecordedRequest;
import io.inferscale.collector.domain.SeriesPoint;
import io.inferscale.collector.domain.SeriesQuery;
import io.inferscale.collector.domain.rollup.RollupResolution;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    private final RollupRepository rollups;
    private final CollectorProperties properties;
    private final WindowProperties windows;
    private final Clock clock;

    public MetricsController(
            RequestTelemetryRepository repository,
            RollupRepository rollups,
            CollectorProperties properties,
            WindowProperties windows,
            Clock clock) {
        this.repository = repository;
        this.rollups = rollups;
        this.properties = properties;
        this.windows = windows;
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
     * hour by minute. Steps of whole minutes come from the rollups (kept 30 days; the range is
     * widened to whole rows), finer steps from raw rows (kept 2 days).
     */
    @GetMapping("/models/{model}/series")
    public SeriesResponse series(
            @PathVariable String model,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @RequestParam(defaultValue = "PT1M") Duration step) {
        SeriesQuery query = query(model, from, to, step);
        Optional<RollupResolution> resolution = RollupResolution.forStep(step);
        if (resolution.isEmpty()) {
            return new SeriesResponse(
                    model, query.from(), query.to(), step, "raw", null, repository.series(query));
        }
        RollupResolution r = resolution.get();
        SeriesQuery rows = r.align(query);
        return new SeriesResponse(
                model,
                rows.from(),
                rows.to(),
                step,
                "rollup",
                r.settledBefore(clock.instant(), windows.allowedLateness()),
                rollups.modelSeries(r, rows));
    }

    /** One replica's series from the rollups; the step must be whole minutes. */
    @GetMapping("/models/{model}/replicas/{replicaId}/series")
    public ReplicaSeriesResponse replicaSeries(
            @PathVariable String model,
            @PathVariable String replicaId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @RequestParam(defaultValue = "PT1M") Duration step) {
        RollupResolution r =
                RollupResolution.forStep(step)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "step: replica series come from minute rollups;"
                                                        + " use whole minutes, was "
                                                        + step));
        SeriesQuery rows = r.align(query(model, from, to, step));
        return new ReplicaSeriesResponse(
                model,
                replicaId,
                rows.from(),
                rows.to(),
                step,
                r.settledBefore(clock.instant(), windows.allowedLateness()),
                rollups.replicaSeries(r, rows, replicaId));
    }

    private SeriesQuery query(String model, Instant from, Instant to, Duration step) {
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(Duration.ofHours(1));
        return new SeriesQuery(model, start, end, step).requireAtMost(properties.maxSeriesPoints());
    }

    /**
     * @param source {@code rollup} or {@code raw}
     * @param settledBefore for rollups: buckets from here on may still be missing or partial
     */
    public record SeriesResponse(
            String model,
            Instant from,
            Instant to,
            Duration step,
            String source,
            Instant settledBefore,
            List<SeriesPoint> points) {}

    public record ReplicaSeriesResponse(
            String model,
            String replicaId,
            Instant from,
            Instant to,
            Duration step,
            Instant settledBefore,
            List<SeriesPoint> points) {}
}
