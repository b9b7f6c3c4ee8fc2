package io.inferscale.support.kafka;

import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.InferScaleEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Dead letters carry either the original undecodable bytes (kept exactly, so nothing is lost) or an
 * event that decoded but failed processing.
 */
final class DeadLetterValueSerializer implements Serializer<Object> {
    private final EventCodec codec;

    DeadLetterValueSerializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof InferScaleEvent event) {
            return codec.encode(event);
        }
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
