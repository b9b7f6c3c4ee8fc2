package io.inferscale.rl.adapter.kafka;

import io.inferscale.contracts.RoutingPolicy;
import io.inferscale.rl.adapter.jdbc.PolicyVersionRepository;
import io.inferscale.support.kafka.PoisonAwareBatch;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records every policy version published to the compacted topic before compaction forgets it. */
@Component
public class PolicyVersionListener {
    private final PolicyVersionRepository repository;

    public PolicyVersionListener(PolicyVersionRepository repository) {
        this.repository = repository;
    }

    @KafkaListener(topics = "routing.policies", batch = "true")
    public void onBatch(List<ConsumerRecord<String, RoutingPolicy>> records) {
        PoisonAwareBatch.process(
                records,
                good ->
                        repository.insertAll(
                                good.stream()
                                        .map(ConsumerRecord::value)
                                        .filter(Objects::nonNull)
                                        .toList()));
    }
}
