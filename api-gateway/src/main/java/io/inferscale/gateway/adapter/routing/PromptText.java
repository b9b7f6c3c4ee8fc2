package io.inferscale.gateway.adapter.routing;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prompt of an OpenAI-style request as one string, for prefix hashing: {@code prompt} (a
 * string, an array of strings, or token ids) for completions, and each message's role and content
 * ({@code content} as a string or as parts with {@code text}) for chat. Only what decides the KV
 * cache's prefix is kept, in order; everything else is skipped unread.
 */
final class PromptText {
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** Empty when the body has no prompt or is not JSON (the routing filter reports that). */
    String of(byte[] body) {
        StringBuilder out = new StringBuilder();
        try (JsonParser p = mapper.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("prompt".equals(name)) {
                    appendScalars(p, value, out);
                } else if ("messages".equals(name) && value == JsonToken.START_ARRAY) {
                    appendMessages(p, out);
                } else {
                    p.skipChildren();
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            return "";
        }
        return out.toString();
    }

    private static void appendMessages(JsonParser p, StringBuilder out) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("role".equals(name) && value == JsonToken.VALUE_STRING) {
                    out.append('<').append(p.getString()).append('>');
                } else if ("content".equals(name)) {
                    appendContent(p, value, out);
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static void appendContent(JsonParser p, JsonToken value, StringBuilder out) {
        if (value != JsonToken.START_ARRAY) {
            appendScalars(p, value, out);
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken part = p.nextToken();
                if ("text".equals(name) && part == JsonToken.VALUE_STRING) {
                    out.append(p.getString());
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** A string, a number (token id), or an array of them (nested token arrays included). */
    private static void appendScalars(JsonParser p, JsonToken value, StringBuilder out) {
        if (value == JsonToken.VALUE_STRING) {
            out.append(p.getString());
        } else if (value == JsonToken.VALUE_NUMBER_INT) {
            out.append(p.getText()).append(' ');
        } else if (value == JsonToken.START_ARRAY) {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                appendScalars(p, t, out);
            }
        } else {
            p.skipChildren();
        }
    }
}
