package io.inferscale.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.DemandWindow;
import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.Quantiles;
import io.inferscale.contracts.Topics;
import io.inferscale.support.test.Await;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Poison records on a real broker go to the dead-letter topic with their reason, and the consumer
 * keeps going.
 */
@SpringBootTest(
        classes = DeadLetterIT.App.class,
        properties = {
            "spring.application.name=support-it",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "spring.kafka.consumer.group-id=support-it"
        })
@EmbeddedKafka(partitions = Topics.PARTITIONS)
class DeadLetterIT {
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired Received received;
    @Autowired EventPublisher publisher;
    @Autowired MeterRegistry meters;

    @Test
    void deadLettersPoisonRecordsWithTheReasonAndKeepsConsuming() throws Exception {
        Map<String, Object> producerProps = KafkaTestUtils.producerProps(broker);
        try (KafkaProducer<String, byte[]> raw =
                new KafkaProducer<>(
                        producerProps, new StringSerializer(), new ByteArraySerializer())) {
            raw.send(
                            new ProducerRecord<>(
                                    "demand",
                                    "llm-demo",
                                    "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
            String invalid =
                    new EventCodec()
                            .encodeToString(window(5))
                            .replace("\"windowSeconds\":10", "\"windowSeconds\":0");
            raw.send(
                            new ProducerRecord<>(
                                    "demand", "llm-demo", invalid.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        publisher.publish(Topics.DEMAND, window(7)).get();

        Await.until(Duration.ofSeconds(30), () -> received.events.size(), n -> n >= 1);
        assertThat(received.events).hasSize(1);
        assertThat(received.events.get(0).arrivals()).isEqualTo(7);

        Map<String, Object> consumerProps =
                KafkaTestUtils.consumerProps(broker, "dlt-reader", false);
        consumerProps.put("auto.offset.reset", "earliest");
        try (Consumer<byte[], byte[]> dlt =
                new DefaultKafkaConsumerFactory<>(
                                consumerProps,
                                new ByteArrayDeserializer(),
                                new ByteArrayDeserializer())
                        .createConsumer()) {
            dlt.subscribe(List.of("demand.dlt"));
            List<ConsumerRecord<byte[], byte[]>> dead = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (dead.size() < 2 && System.nanoTime() < deadline) {
                KafkaTestUtils.getRecords(dlt, Duration.ofSeconds(1)).forEach(dead::add);
            }
            assertThat(dead).hasSize(2);
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
                    .isEqualTo("{not json");
            assertThat(header(dead.get(0), DeadLetters.REASON_HEADER))
                    .contains("demand: malformed JSON");
            assertThat(header(dead.get(1), DeadLetters.REASON_HEADER))
                    .contains("windowSeconds must be > 0");
            assertThat(header(dead.get(1), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo("demand");
        }
        assertThat(meters.get(DeadLetters.METRIC).tag("topic", "demand").counters())
                .map(c -> c.count())
                .containsOnly(2.0);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static DemandWindow window(long arrivals) {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        Quantiles q = new Quantiles(1, 2, 3);
        return new DemandWindow(
                EventMeta.at(1, "test", t),
                "llm-demo",
                t,
                10,
                arrivals,
                arrivals,
                0,
                0,
                0,
                q,
                q,
                0,
                0);
    }

    @SpringBootApplication
    @Import(Received.class)
    static class App {}

    static class Received {
        final List<DemandWindow> events = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "demand")
        void on(DemandWindow event) {
            events.add(event);
        }
    }
}
