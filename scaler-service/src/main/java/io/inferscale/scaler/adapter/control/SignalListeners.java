package io.inferscale.scaler.adapter.control;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.contracts.DemandWindow;
import io.inferscale.contracts.ReplicaSnapshot;
import io.inferscale.scaler.domain.control.EpochNanos;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Feeds the control state from Kafka. The {@code demand} listener runs in the shared {@code
 * scaler-service} group: the partitions it is assigned decide which models this instance owns, so
 * two instances never both act on a model. Replica scrapes and forecasts are read by every instance
 * (groups of their own, from the latest), so a new owner has fresh signals at once.
 */
@Component
class SignalListeners implements ConsumerSeekAware {
    private final ControlState state;
    private final ControlProperties properties;

    SignalListeners(ControlState state, ControlProperties properties) {
        this.state = state;
        this.properties = properties;
    }

    @KafkaListener(
            id = "scaler-demand",
            topics = "demand",
            groupId = "scaler-service",
            properties = {"auto.offset.reset=latest"})
    void demand(ConsumerRecord<String, DemandWindow> record) {
        DemandWindow w = record.value();
        if (w.windowSeconds() == properties.rateWindow().toSeconds()) {
            state.signals(w.model())
                    .arrivals(
                            w.arrivals() / (double) w.windowSeconds(),
                            EpochNanos.of(w.windowEnd()));
        }
    }

    @Override
    public void onPartitionsAssigned(
            Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        state.assigned(assignments.keySet());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        state.revoked(partitions);
    }

    @KafkaListener(
            id = "scaler-replicas",
            topics = "telemetry.replicas",
            groupId = "scaler-service-replicas-${random.uuid}",
            properties = {"auto.offset.reset=latest"})
    void replica(ConsumerRecord<String, ReplicaSnapshot> record) {
        ReplicaSnapshot s = record.value();
        if (!s.healthy() || s.stale()) {
            state.signals(s.model()).forget(s.replicaId());
            return;
        }
        double running = s.running() == null ? 0 : s.running();
        double waiting = s.waiting() == null ? 0 : s.waiting();
        state.signals(s.model())
                .replica(s.replicaId(), running + waiting, EpochNanos.of(s.meta().eventTime()));
    }

    @KafkaListener(
            id = "scaler-forecasts",
            topics = "forecasts",
            groupId = "scaler-service-forecasts-${random.uuid}",
            properties = {"auto.offset.reset=latest"})
    void forecast(ConsumerRecord<String, DemandForecast> record) {
        state.forecast(record.value());
    }
}
