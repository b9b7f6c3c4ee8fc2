package io.inferscale.support.kafka;

import io.inferscale.contracts.InferScaleEvent;
import io.inferscale.contracts.Topic;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events to their topic keyed by model; the topic descriptor makes a wrong event type a
 * compile error.
 */
public class EventPublisher {
    private final KafkaTemplate<Object, Object> template;

    public EventPublisher(KafkaTemplate<Object, Object> template) {
        this.template = template;
    }

    public <E extends InferScaleEvent> CompletableFuture<SendResult<Object, Object>> publish(
            Topic<E> topic, E event) {
        return template.send(topic.name(), event.key(), event);
    }

    /** A tombstone: on a compacted topic it removes the model's entry. */
    public CompletableFuture<SendResult<Object, Object>> delete(Topic<?> topic, String model) {
        return template.send(topic.name(), model, null);
    }
}
