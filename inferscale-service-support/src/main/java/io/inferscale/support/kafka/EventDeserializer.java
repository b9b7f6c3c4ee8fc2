package io.inferscale.support.kafka;

import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.InferScaleEvent;
import io.inferscale.contracts.InvalidEventException;
import io.inferscale.contracts.Topic;
import io.inferscale.contracts.Topics;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a record into the event type its topic carries. One deserializer serves every topic, so a
 * service's listeners can each take their own event type from one consumer factory. Wrapped in
 * spring-kafka's ErrorHandlingDeserializer, a failure here becomes a dead letter with the reason
 * instead of a stuck partition.
 */
public final class EventDeserializer implements Deserializer<InferScaleEvent> {
    private final EventCodec codec;

    public EventDeserializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public InferScaleEvent deserialize(String topicName, byte[] data) {
        if (data == null) {
            return null; // a tombstone on a compacted topic: the key was deleted
        }
        Topic<?> topic =
                Topics.byName(topicName)
                        .orElseThrow(() -> new InvalidEventException("unknown topic " + topicName));
        return codec.decode(topic, data);
    }
}
