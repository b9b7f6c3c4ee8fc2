package io.inferscale.support.kafka;

import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.InferScaleEvent;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every InferScale event. */
public final class EventSerializer implements Serializer<InferScaleEvent> {
    private final EventCodec codec;

    public EventSerializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, InferScaleEvent event) {
        return event == null ? null : codec.encode(event);
    }
}
