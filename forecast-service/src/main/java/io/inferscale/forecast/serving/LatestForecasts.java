package io.inferscale.forecast.serving;

import io.inferscale.contracts.DemandForecast;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/** The last forecast published per model and metric, for the REST API. */
@Component
public class LatestForecasts {
    private record Key(String model, String metric) {}

    private final ConcurrentMap<Key, DemandForecast> latest = new ConcurrentHashMap<>();

    public void put(DemandForecast forecast) {
        latest.put(new Key(forecast.model(), forecast.metric()), forecast);
    }

    /**
     * A model's token forecast stops when its requests stop reporting tokens: the one left from
     * before would look current to the API, so it goes.
     */
    public void remove(String model, String metric) {
        latest.remove(new Key(model, metric));
    }

    public Optional<DemandForecast> get(String model, String metric) {
        return Optional.ofNullable(latest.get(new Key(model, metric)));
    }
}
