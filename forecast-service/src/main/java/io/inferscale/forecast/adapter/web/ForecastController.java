package io.inferscale.forecast.adapter.web;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.forecast.ServingProperties;
import io.inferscale.forecast.adapter.jdbc.DemandHistoryRepository;
import io.inferscale.forecast.adapter.jdbc.TrainingRunRepository;
import io.inferscale.forecast.adapter.jdbc.VersionHistory;
import io.inferscale.forecast.domain.ForecastEvents;
import io.inferscale.forecast.serving.LatestForecasts;
import io.inferscale.forecast.training.TrainingQueue;
import io.inferscale.forecast.training.TrainingRequestRefused;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Forecasts and their versions per model: the latest published forecast, the versions with their
 * backtest scores and what serves, and an operator's trigger for a training round. The gateway
 * authenticates callers and passes the user in {@code X-InferScale-User}.
 */
@RestController
@RequestMapping("/api/v1/forecasts")
public class ForecastController {
    static final String USER_HEADER = "X-InferScale-User";

    private final LatestForecasts latest;
    private final VersionHistory versions;
    private final TrainingRunRepository runs;
    private final DemandHistoryRepository history;
    private final TrainingQueue queue;
    private final ServingProperties serving;

    public ForecastController(
            LatestForecasts latest,
            VersionHistory versions,
            TrainingRunRepository runs,
            DemandHistoryRepository history,
            TrainingQueue queue,
            ServingProperties serving) {
        this.latest = latest;
        this.versions = versions;
        this.runs = runs;
        this.history = history;
        this.queue = queue;
        this.serving = serving;
    }

    /**
     * @param serving the version that serves, null before the first round
     * @param trainingInFlight a round is queued or running
     * @param versions newest first
     * @param runs newest first, each with the backtest scores of everything it compared
     */
    public record VersionsView(
            String model,
            VersionHistory.Serving serving,
            boolean trainingInFlight,
            List<VersionHistory.Version> versions,
            List<VersionHistory.Run> runs) {}

    public record TrainingQueued(String model, long runId, String status) {}

    /**
     * @param metric {@code requests_per_second} (every model) or {@code output_tokens_per_second}
     *     (models whose requests report output tokens)
     */
    @GetMapping("/{model}")
    public DemandForecast latest(
            @PathVariable String model,
            @RequestParam(defaultValue = ForecastEvents.METRIC) String metric) {
        if (!ForecastEvents.METRICS.contains(metric)) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "metric: must be one of " + String.join(", ", ForecastEvents.METRICS));
        }
        return latest.get(model, metric)
                .orElseThrow(
                        () ->
                                new ResponseStatusException(
                                        HttpStatus.NOT_FOUND,
                                        !known(model)
                                                ? "unknown model " + model + ": no demand history"
                                                : metric.equals(ForecastEvents.METRIC)
                                                        ? "no forecast for " + model + " yet"
                                                        : "no "
                                                                + metric
                                                                + " forecast for "
                                                                + model
                                                                + ": its recent requests"
                                                                + " report no output tokens"
                                                                + " (or too few requests)"));
    }

    @GetMapping("/{model}/versions")
    public VersionsView versions(
            @PathVariable String model,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit) {
        if (!known(model)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "unknown model " + model + ": no demand history");
        }
        return new VersionsView(
                model,
                versions.serving(model).orElse(null),
                queue.inFlight(model),
                versions.versions(model, limit),
                versions.runs(model, limit));
    }

    @PostMapping("/{model}/train")
    public ResponseEntity<TrainingQueued> train(
            @PathVariable String model,
            @RequestHeader(value = USER_HEADER, defaultValue = "unauthenticated") String user) {
        long runId;
        try {
            runId = queue.request(model, user);
        } catch (TrainingRequestRefused e) {
            HttpStatus status =
                    e.why() == TrainingRequestRefused.Why.UNKNOWN_MODEL
                            ? HttpStatus.NOT_FOUND
                            : HttpStatus.CONFLICT;
            throw new ResponseStatusException(status, e.getMessage());
        }
        URI location =
                UriComponentsBuilder.fromPath("/api/v1/forecasts/{model}/versions")
                        .buildAndExpand(model)
                        .encode()
                        .toUri();
        return ResponseEntity.accepted()
                .location(location)
                .body(new TrainingQueued(model, runId, "QUEUED"));
    }

    private boolean known(String model) {
        return history.summary(model, serving.stepSeconds()).isPresent() || runs.anyFor(model);
    }
}
