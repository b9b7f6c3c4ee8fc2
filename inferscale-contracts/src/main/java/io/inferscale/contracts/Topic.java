package io.inferscale.contracts;

import java.time.Duration;

/**
 * A topic and its contract: the one event type it carries, how it is kept, and the newest schema
 * version this build understands. Services create topics from these descriptors, so docs/events.md,
 * the code and the broker agree.
 *
 * @param retention how long records are kept; null for compacted topics, which keep the latest per
 *     key forever
 */
public record Topic<E extends InferScaleEvent>(
        String name,
        Class<E> eventType,
        int partitions,
        boolean compacted,
        Duration retention,
        int schemaVersion) {

    /**
     * Dead-letter topics mirror their source's partitions so the recoverer can keep the partition
     * number.
     */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    public String deadLetterName() {
        return name + DEAD_LETTER_SUFFIX;
    }
}
