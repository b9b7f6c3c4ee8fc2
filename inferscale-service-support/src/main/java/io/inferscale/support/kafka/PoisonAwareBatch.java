package io.inferscale.support.kafka;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Batch listeners see an undecodable record as a null value with the failure in a header. This
 * hands the good records before it to the handler, then fails at its index: the error handler
 * commits those, dead-letters the poison record, and redelivers the rest. Nothing is lost and
 * nothing is processed twice by this path.
 */
public final class PoisonAwareBatch {
    private static final LogAccessor LOG = new LogAccessor(PoisonAwareBatch.class);

    private PoisonAwareBatch() {}

    public static <V> void process(
            List<ConsumerRecord<String, V>> records,
            Consumer<List<ConsumerRecord<String, V>>> handler) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, V> record = records.get(i);
            if (record.value() != null) {
                continue;
            }
            DeserializationException failure =
                    SerializationUtils.getExceptionFromHeader(
                            record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (failure != null) {
                if (i > 0) {
                    handler.accept(records.subList(0, i));
                }
                throw new BatchListenerFailedException(failure.getMessage(), failure, i);
            }
        }
        handler.accept(records);
    }
}
