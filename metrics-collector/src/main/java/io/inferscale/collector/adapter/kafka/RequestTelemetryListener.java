package io.inferscale.collector.adapter.kafka;

import io.inferscale.collector.adapter.jdbc.RequestTelemetryRepository;
import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.support.kafka.PoisonAwareBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores gateway telemetry. A batch is written in one JDBC batch before the container commits its
 * offsets, so a crash replays it and the event-id key drops the duplicates.
 */
@Component
public class RequestTelemetryListener {
    private final RequestTelemetryRepository repository;
    private final Counter ingested;

    public RequestTelemetryListener(RequestTelemetryRepository repository, MeterRegistry meters) {
        this.repository = repository;
        this.ingested = meters.counter("inferscale.collector.requests.ingested");
    }

    @KafkaListener(topics = "telemetry.requests", batch = "true")
    public void onBatch(List<ConsumerRecord<String, RequestTelemetry>> records) {
        PoisonAwareBatch.process(
                records,
                good -> {
                    List<RequestTelemetry> events =
                            good.stream()
                                    .map(ConsumerRecord::value)
                                    .filter(v -> v != null)
                                    .toList();
                    repository.insertAll(events);
                    ingested.increment(events.size());
                });
    }
}
