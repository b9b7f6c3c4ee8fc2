package io.inferscale.collector.adapter.web;

import io.inferscale.collector.adapter.scrape.ScrapeProperties;
import io.inferscale.collector.domain.scrape.FleetView;
import io.inferscale.collector.domain.scrape.FleetView.ModelView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current fleet as scraped: per model, each replica's address, server kind, health, staleness,
 * signal age and latest signals. Reached through the gateway at {@code /api/v1/metrics/fleet}.
 */
@RestController
@RequestMapping("/api/v1/metrics")
public class FleetViewController {
    private final FleetView view;
    private final ScrapeProperties properties;
    private final Clock clock;

    public FleetViewController(FleetView view, ScrapeProperties properties, Clock clock) {
        this.view = view;
        this.properties = properties;
        this.clock = clock;
    }

    /** All models, or only {@code model}. */
    @GetMapping("/fleet")
    public FleetResponse fleet(@RequestParam(required = false) String model) {
        Instant now = clock.instant();
        view.expire(now.minus(properties.viewExpireAfter()));
        return new FleetResponse(
                now, properties.interval(), view.view(now, properties.viewSilentAfter(), model));
    }

    /**
     * @param scrapeInterval how often each replica is scraped, to read ages against
     */
    public record FleetResponse(
            Instant generatedAt, Duration scrapeInterval, List<ModelView> models) {}
}
