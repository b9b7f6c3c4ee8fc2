package io.inferscale.forecast.adapter.kafka;

import io.inferscale.contracts.DemandWindow;
import io.inferscale.forecast.adapter.jdbc.DemandHistoryRepository;
import io.inferscale.support.kafka.PoisonAwareBatch;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the demand history the forecasters train on. */
@Component
public class DemandHistoryListener {
    private final DemandHistoryRepository repository;

    public DemandHistoryListener(DemandHistoryRepository repository) {
        this.repository = repository;
    }

    @KafkaListener(topics = "demand", batch = "true")
    public void onBatch(List<ConsumerRecord<String, DemandWindow>> records) {
        PoisonAwareBatch.process(
                records,
                good ->
                        repository.upsertAll(
                                good.stream()
                                        .map(ConsumerRecord::value)
                                        .filter(Objects::nonNull)
                                        .toList()));
    }
}
