package io.inferscale.scaler.adapter.control;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.contracts.Topics;
import io.inferscale.core.scaling.hybrid.ForecastView;
import io.inferscale.scaler.domain.control.ForecastViews;
import io.inferscale.scaler.domain.control.LoadSignals;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.stereotype.Component;

/**
 * What the listeners learnt, shared with the control loop: load signals and the latest forecast per
 * model, and which {@code demand} partitions (hence which models) this instance owns.
 */
@Component
class ControlState {
    private final ControlProperties properties;
    private final Map<String, LoadSignals> signals = new ConcurrentHashMap<>();
    private final Map<String, DemandForecast> requestForecasts = new ConcurrentHashMap<>();
    private final Map<String, DemandForecast> tokenForecasts = new ConcurrentHashMap<>();
    private final Set<Integer> ownedPartitions = ConcurrentHashMap.newKeySet();

    ControlState(ControlProperties properties) {
        this.properties = properties;
    }

    LoadSignals signals(String model) {
        return signals.computeIfAbsent(
                model,
                m ->
                        new LoadSignals(
                                properties.snapshotMaxAge().toNanos(),
                                properties.rateMaxAge().toNanos()));
    }

    /**
     * The latest forecast of each metric; one the decider cannot read (another metric, no p90)
     * replaces the request-rate forecast, since a newer unusable forecast means the older one is no
     * longer what the forecaster says.
     */
    void forecast(DemandForecast f) {
        if (ForecastViews.TOKEN_RATE.equals(f.metric())) {
            tokenForecasts.put(f.model(), f);
        } else {
            requestForecasts.put(f.model(), f);
        }
    }

    /** What the decider reads for the model; null when no usable forecast has arrived. */
    ForecastView forecast(String model) {
        return ForecastViews.of(requestForecasts.get(model), tokenForecasts.get(model));
    }

    /**
     * Partitions assigned to a listener of this instance; only {@code demand}'s decide ownership
     * (the other topics are read whole by every instance).
     */
    void assigned(Collection<TopicPartition> partitions) {
        partitions.stream()
                .filter(p -> p.topic().equals(Topics.DEMAND.name()))
                .forEach(p -> ownedPartitions.add(p.partition()));
    }

    void revoked(Collection<TopicPartition> partitions) {
        partitions.stream()
                .filter(p -> p.topic().equals(Topics.DEMAND.name()))
                .forEach(p -> ownedPartitions.remove(p.partition()));
    }

    /**
     * Whether this instance decides for the model: the {@code demand} partition its name hashes to
     * (Kafka's default partitioner, as the producers key by model) is assigned here. A model with a
     * policy but no traffic yet is owned all the same.
     */
    boolean owns(String model) {
        return ownedPartitions.contains(partitionOf(model));
    }

    Set<Integer> ownedPartitions() {
        return Set.copyOf(ownedPartitions);
    }

    static int partitionOf(String model) {
        return Utils.toPositive(Utils.murmur2(model.getBytes(StandardCharsets.UTF_8)))
                % Topics.DEMAND.partitions();
    }
}
