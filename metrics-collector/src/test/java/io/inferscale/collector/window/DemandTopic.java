package io.inferscale.collector.window;

import io.inferscale.contracts.DemandWindow;
import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** Reads everything on {@code demand} so far, as a downstream consumer would see it. */
final class DemandTopic {
    private final EmbeddedKafkaBroker broker;
    private final EventCodec codec = new EventCodec();

    DemandTopic(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** Every window event of these models, in partition order. */
    List<DemandWindow> read(List<String> models) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "demand-reader", false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<DemandWindow> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts =
                    IntStream.range(0, Topics.PARTITIONS)
                            .mapToObj(p -> new TopicPartition(Topics.DEMAND.name(), p))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    DemandWindow w = codec.decode(Topics.DEMAND, r.value());
                    if (models.contains(w.model())) {
                        out.add(w);
                    }
                }
            }
        }
        return out;
    }
}
