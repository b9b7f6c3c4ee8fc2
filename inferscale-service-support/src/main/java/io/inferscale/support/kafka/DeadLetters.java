package io.inferscale.support.kafka;

import io.inferscale.contracts.InvalidEventException;
import io.inferscale.contracts.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error policy for every listener: a poison record (undecodable or breaking its contract) goes
 * straight to {@code <topic>.dlt} with the reason in the standard spring-kafka exception headers,
 * is counted, and the consumer moves on; anything else is retried briefly first, then dead-lettered
 * the same way.
 */
public final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String METRIC = "inferscale.kafka.dead.letters";

    /**
     * The one-line reason, in plain words, beside spring-kafka's own {@code kafka_dlt-exception-*}
     * headers.
     */
    public static final String REASON_HEADER = "inferscale-dlt-reason";

    private DeadLetters() {}

    public static DefaultErrorHandler errorHandler(
            KafkaOperations<Object, Object> dltTemplate, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer =
                new DeadLetterPublishingRecoverer(
                        dltTemplate,
                        (record, ex) -> {
                            String reason = reason(ex);
                            meters.counter(
                                            METRIC,
                                            "topic",
                                            record.topic(),
                                            "reason",
                                            reasonKind(ex))
                                    .increment();
                            log.warn(
                                    "dead-lettering {}-{}@{}: {}",
                                    record.topic(),
                                    record.partition(),
                                    record.offset(),
                                    reason);
                            return destination(record);
                        });
        recoverer.setHeadersFunction(
                (record, ex) ->
                        new RecordHeaders(
                                new Header[] {
                                    new RecordHeader(
                                            REASON_HEADER,
                                            reason(ex).getBytes(StandardCharsets.UTF_8))
                                }));
        DefaultErrorHandler handler =
                new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 2L));
        handler.addNotRetryableExceptions(
                InvalidEventException.class, DeserializationException.class);
        return handler;
    }

    static TopicPartition destination(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, record.partition());
    }

    private static Throwable rootOf(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof ListenerExecutionFailedException
                        || t instanceof BatchListenerFailedException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String reason(Throwable ex) {
        Throwable t = rootOf(ex);
        if (t instanceof DeserializationException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static String reasonKind(Throwable ex) {
        Throwable t = rootOf(ex);
        if (t instanceof DeserializationException) return "deserialization";
        if (t instanceof InvalidEventException) return "validation";
        return "processing";
    }
}
