package io.inferscale.contracts;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every event carries. {@code eventId} lets consumers drop redeliveries (the pipeline
 * is at-least-once); {@code schemaVersion} lets a consumer refuse a payload it does not understand
 * instead of misreading it.
 */
public record EventMeta(int schemaVersion, String eventId, String producer, Instant eventTime) {

    public EventMeta {
        Validate.positive(schemaVersion, "meta.schemaVersion");
        Validate.notBlank(eventId, "meta.eventId");
        Validate.notBlank(producer, "meta.producer");
        Validate.notNull(eventTime, "meta.eventTime");
    }

    /** A fresh envelope stamped with the producer's clock. */
    public static EventMeta create(int schemaVersion, String producer, Clock clock) {
        return new EventMeta(
                schemaVersion, UUID.randomUUID().toString(), producer, clock.instant());
    }

    /**
     * An envelope with an explicit event time, e.g. the end of the window an aggregate describes.
     */
    public static EventMeta at(int schemaVersion, String producer, Instant eventTime) {
        return new EventMeta(schemaVersion, UUID.randomUUID().toString(), producer, eventTime);
    }
}
