package io.inferscale.gateway.adapter.routing;

import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the top-level {@code "model"} of an OpenAI-style JSON body with a streaming parser: it
 * stops at the field and skips nested objects unread, so a megabyte prompt costs little.
 */
public final class ModelNameExtractor {
    private final JsonMapper mapper = JsonMapper.builder().build();

    /**
     * @return the model name, or empty when the body is JSON without a string {@code model} field
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    public Optional<String> modelOf(byte[] body) {
        try (JsonParser p = mapper.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("request body must be a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("model".equals(name) && value == JsonToken.VALUE_STRING) {
                    String model = p.getString();
                    return model.isBlank() ? Optional.empty() : Optional.of(model);
                }
                p.skipChildren();
            }
            return Optional.empty();
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(
                    "request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
