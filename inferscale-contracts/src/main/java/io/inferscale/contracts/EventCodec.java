package io.inferscale.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON encoding of events. Unknown fields are ignored so an older consumer can read a newer
 * producer's additive changes; a higher schema version than this build knows is refused, because
 * that signals a breaking change.
 */
public final class EventCodec {
    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper =
                JsonMapper.builder()
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build();
    }

    public byte[] encode(InferScaleEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    public String encodeToString(InferScaleEvent event) {
        return mapper.writeValueAsString(event);
    }

    /**
     * Decodes a record of the given topic; every failure is an {@link InvalidEventException} naming
     * the cause.
     */
    public <E extends InferScaleEvent> E decode(Topic<E> topic, byte[] json) {
        if (json == null) {
            throw new InvalidEventException(topic.name() + ": record has no value");
        }
        E event;
        try {
            event = mapper.readValue(json, topic.eventType());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidEventException(topic.name() + ": " + cause.getMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidEventException(
                    topic.name() + ": malformed JSON" + at(e) + ": " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new InvalidEventException(topic.name() + ": record value is JSON null");
        }
        int version = event.meta().schemaVersion();
        if (version > topic.schemaVersion()) {
            throw new InvalidEventException(
                    topic.name()
                            + ": schema version "
                            + version
                            + " is newer than the supported "
                            + topic.schemaVersion());
        }
        return event;
    }

    /**
     * Names the field a failure happened at, e.g. " at replicas[1].status", so the dead letter says
     * where.
     */
    private static String at(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : " at " + path;
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
