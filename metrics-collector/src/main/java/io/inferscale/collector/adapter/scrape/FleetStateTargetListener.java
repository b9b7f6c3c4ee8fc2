package io.inferscale.collector.adapter.scrape;

import io.inferscale.contracts.FleetState;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Feeds {@link TargetRegistry} from the compacted {@code fleet.state} topic under the collector's
 * scrape consumer group, so instances split the models. On every assignment the assigned partitions
 * are re-read from the beginning: compaction keeps the latest state per model there, and an
 * instance that just took a partition over must learn all of its models, not only the changes after
 * the previous owner's committed offset.
 */
public class FleetStateTargetListener implements ConsumerSeekAware {
    private final TargetRegistry registry;

    public FleetStateTargetListener(TargetRegistry registry) {
        this.registry = registry;
    }

    @KafkaListener(
            topics = "fleet.state",
            groupId = "${inferscale.collector.scrape.group-id:metrics-collector-scrape}",
            properties = {"auto.offset.reset=earliest"})
    public void on(ConsumerRecord<String, FleetState> record) {
        if (record.key() != null) {
            registry.apply(record.partition(), record.key(), record.value());
        }
    }

    @Override
    public void onPartitionsAssigned(
            Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        registry.assigned(assignments.keySet().stream().map(TopicPartition::partition).toList());
        callback.seekToBeginning(assignments.keySet());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        registry.revoked(partitions.stream().map(TopicPartition::partition).toList());
    }
}
