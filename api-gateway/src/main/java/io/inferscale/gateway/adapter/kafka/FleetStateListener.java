package io.inferscale.gateway.adapter.kafka;

import io.inferscale.contracts.FleetState;
import io.inferscale.gateway.domain.FleetRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every gateway instance reads the whole compacted {@code fleet.state} topic (its own consumer
 * group, from the beginning), so each routes from a complete local view without asking anyone per
 * request.
 */
@Component
public class FleetStateListener {
    private final FleetRegistry registry;

    public FleetStateListener(FleetRegistry registry) {
        this.registry = registry;
    }

    @KafkaListener(
            topics = "fleet.state",
            groupId = "api-gateway-${random.uuid}",
            properties = {"auto.offset.reset=earliest"})
    public void on(ConsumerRecord<String, FleetState> record) {
        registry.apply(record.key(), record.value());
    }
}
