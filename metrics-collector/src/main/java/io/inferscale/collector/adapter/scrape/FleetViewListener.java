package io.inferscale.collector.adapter.scrape;

import io.inferscale.collector.domain.scrape.FleetView;
import io.inferscale.contracts.ReplicaSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Builds the fleet view from {@code telemetry.replicas} itself, in a consumer group of its own per
 * instance: each instance scrapes only the models it owns, but any instance behind the gateway
 * answers for the whole fleet. On start it reads back one expiry period, so a restarted instance
 * shows the fleet at once rather than after a scrape cycle.
 */
public class FleetViewListener implements ConsumerSeekAware {
    private final FleetView view;
    private final Clock clock;
    private final Duration lookBack;

    public FleetViewListener(FleetView view, Clock clock, Duration lookBack) {
        this.view = view;
        this.clock = clock;
        this.lookBack = lookBack;
    }

    @KafkaListener(
            topics = "telemetry.replicas",
            groupId = "metrics-collector-view-${random.uuid}",
            batch = "true",
            properties = {"auto.offset.reset=latest"})
    public void on(List<ConsumerRecord<String, ReplicaSnapshot>> records) {
        for (ConsumerRecord<String, ReplicaSnapshot> r : records) {
            // Undecodable records arrive as null; the view has no use for them (the scrapers are
            // this service, so a poison snapshot is a bug to see in the scraper, not here).
            if (r.value() != null) {
                view.apply(r.value());
            }
        }
    }

    @Override
    public void onPartitionsAssigned(
            Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(
                assignments.keySet(), clock.instant().minus(lookBack).toEpochMilli());
    }
}
