package io.inferscale.sim;

import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of an OpenAI completion or chat-completion body that the replica model needs.
 *
 * @param model the requested model, null when the body names none
 * @param chat whether it came to {@code /v1/chat/completions}
 * @param stream whether the client asked for server-sent events
 * @param promptTokens the {@code prompt_tokens} hint, else about 4 characters per token of the
 *     prompt text
 * @param maxTokens tokens to generate: {@code max_tokens} (or {@code max_completion_tokens}),
 *     default 16
 * @param prefixHashes the {@code x-prefix-hashes} header, else the body's {@code prefix_hashes},
 *     else empty
 */
record CompletionRequest(
        String model,
        boolean chat,
        boolean stream,
        int promptTokens,
        int maxTokens,
        long[] prefixHashes) {

    static final int DEFAULT_MAX_TOKENS = 16;

    /**
     * Thrown for a body the emulator cannot serve; its message goes back to the client with a 400.
     */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static CompletionRequest parse(
            JsonMapper json, String body, String prefixHeader, boolean chat) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new BadRequest("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest("body must be a JSON object");
        }
        JsonNode model = root.path("model");
        JsonNode max =
                root.has("max_tokens")
                        ? root.get("max_tokens")
                        : root.path("max_completion_tokens");
        return new CompletionRequest(
                model.isString() ? model.stringValue() : null,
                chat,
                root.path("stream").asBoolean(false),
                root.has("prompt_tokens")
                        ? positiveInt(root.get("prompt_tokens"), "prompt_tokens", 0)
                        : estimateTokens(chat ? root.path("messages") : root.path("prompt")),
                max.isMissingNode() || max.isNull()
                        ? DEFAULT_MAX_TOKENS
                        : positiveInt(max, "max_tokens", 1),
                prefixHeader != null
                        ? parseHeader(prefixHeader)
                        : parseArray(root.path("prefix_hashes")));
    }

    private static int positiveInt(JsonNode n, String field, int min) {
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min) {
            throw new BadRequest(field + " must be an integer >= " + min);
        }
        return n.intValue();
    }

    /** About 4 characters per token, the usual rule of thumb for English with BPE tokenizers. */
    private static int estimateTokens(JsonNode promptOrMessages) {
        long chars = countChars(promptOrMessages);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (chars + 3) / 4));
    }

    /**
     * Text anywhere in the prompt: a string, an array of strings or token ids, chat messages and
     * their parts.
     */
    private static long countChars(JsonNode n) {
        if (n.isString()) {
            return n.stringValue().length();
        }
        if (n.isIntegralNumber()) {
            return 4; // a token id
        }
        if (n.isArray()) {
            long sum = 0;
            for (JsonNode e : n.values()) {
                sum += countChars(e);
            }
            return sum;
        }
        if (n.isObject()) {
            return countChars(n.has("content") ? n.get("content") : n.path("text"));
        }
        return 0;
    }

    private static long[] parseHeader(String header) {
        if (header.isBlank()) {
            return new long[0];
        }
        try {
            return Arrays.stream(header.split(","))
                    .map(String::trim)
                    .mapToLong(Long::parseLong)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new BadRequest("x-prefix-hashes must be comma-separated integers");
        }
    }

    private static long[] parseArray(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return new long[0];
        }
        if (!n.isArray()) {
            throw new BadRequest("prefix_hashes must be an array of integers");
        }
        long[] out = new long[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = n.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                throw new BadRequest("prefix_hashes must be an array of integers");
            }
            out[i] = e.longValue();
        }
        return out;
    }
}
