package io.inferscale.forecast.serving;

import io.inferscale.contracts.DemandForecast;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/** The last forecast published per model, for the REST API. */
@Component
public class LatestForecasts {
    private final ConcurrentMap<String, DemandForecast> latest = new ConcurrentHashMap<>();

    public void put(DemandForecast forecast) {
        latest.put(forecast.model(), forecast);
    }

    public Optional<DemandForecast> get(String model) {
        return Optional.ofNullable(latest.get(model));
    }
}
