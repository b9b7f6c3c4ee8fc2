package io.inferscale.gateway;

import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.contracts.Topics;
import io.inferscale.support.test.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** Reads the gateway's telemetry events back from the broker, as the collector would. */
final class TelemetryTopic {
    private TelemetryTopic() {}

    /** Waits up to 30 s for at least {@code atLeast} events that match. */
    static List<RequestTelemetry> await(
            EmbeddedKafkaBroker broker, Predicate<RequestTelemetry> wanted, int atLeast) {
        Map<String, Object> props =
                KafkaTestUtils.consumerProps(broker, "it-telemetry-" + System.nanoTime(), false);
        props.put("auto.offset.reset", "earliest");
        EventCodec codec = new EventCodec();
        List<RequestTelemetry> found = new CopyOnWriteArrayList<>();
        try (Consumer<String, byte[]> consumer =
                new DefaultKafkaConsumerFactory<>(
                                props, new StringDeserializer(), new ByteArrayDeserializer())
                        .createConsumer()) {
            consumer.subscribe(List.of(Topics.TELEMETRY_REQUESTS.name()));
            Await.until(
                    Duration.ofSeconds(30),
                    () -> {
                        KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500))
                                .forEach(
                                        rec -> {
                                            RequestTelemetry t =
                                                    codec.decode(
                                                            Topics.TELEMETRY_REQUESTS, rec.value());
                                            if (wanted.test(t)) found.add(t);
                                        });
                        return found.size();
                    },
                    n -> n >= atLeast);
        }
        return found;
    }
}
