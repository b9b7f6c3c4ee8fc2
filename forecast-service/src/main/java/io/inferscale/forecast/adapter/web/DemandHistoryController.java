package io.inferscale.forecast.adapter.web;

import io.inferscale.forecast.adapter.jdbc.DemandHistoryRepository;
import io.inferscale.forecast.domain.DemandPoint;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demand history a model's forecasts are trained on; defaults to the last day of 1-minute
 * windows.
 */
@RestController
public class DemandHistoryController {
    private final DemandHistoryRepository repository;
    private final Clock clock;

    public DemandHistoryController(DemandHistoryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @GetMapping("/api/v1/forecasts/{model}/history")
    public List<DemandPoint> history(
            @PathVariable String model,
            @RequestParam(defaultValue = "60") @Min(1) @Max(86400) int windowSeconds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to) {
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(Duration.ofDays(1));
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("to: must be after from");
        }
        return repository.range(model, windowSeconds, start, end);
    }
}
