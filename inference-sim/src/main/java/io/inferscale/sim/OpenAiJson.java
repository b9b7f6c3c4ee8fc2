package io.inferscale.sim;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI-compatible response bodies: whole completions, stream chunks, errors. The generated text
 * is filler.
 */
final class OpenAiJson {

    private final JsonMapper json;
    private final String model;

    OpenAiJson(JsonMapper json, String model) {
        this.json = json;
        this.model = model;
    }

    /**
     * One filler word per token, so that clients that count or display text see the right amount.
     */
    static String text(int tokens) {
        return "tok ".repeat(Math.max(0, tokens));
    }

    String completion(long id, boolean chat, long created, int promptTokens, int completionTokens) {
        ObjectNode root = header(id, chat, created, chat ? "chat.completion" : "text_completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        if (chat) {
            choice.putObject("message")
                    .put("role", "assistant")
                    .put("content", text(completionTokens));
        } else {
            choice.put("text", text(completionTokens)).putNull("logprobs");
        }
        choice.put("finish_reason", "length");
        usage(root, promptTokens, completionTokens);
        return json.writeValueAsString(root);
    }

    /**
     * One stream chunk carrying {@code tokens} new tokens; the first of a chat stream also names
     * the role, the last carries the finish reason and the usage.
     */
    String chunk(long id, boolean chat, long created, int tokens, boolean first, Usage finalUsage) {
        ObjectNode root =
                header(id, chat, created, chat ? "chat.completion.chunk" : "text_completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        if (chat) {
            ObjectNode delta = choice.putObject("delta");
            if (first) {
                delta.put("role", "assistant");
            }
            delta.put("content", text(tokens));
        } else {
            choice.put("text", text(tokens)).putNull("logprobs");
        }
        if (finalUsage == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", "length");
            usage(root, finalUsage.prompt(), finalUsage.completion());
        }
        return json.writeValueAsString(root);
    }

    /** Token counts of a finished request. */
    record Usage(int prompt, int completion) {}

    /** OpenAI's error shape; also sent as an SSE event when a stream breaks. */
    String error(int code, String type, String message) {
        ObjectNode root = json.createObjectNode();
        root.putObject("error")
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .put("code", code);
        return json.writeValueAsString(root);
    }

    private ObjectNode header(long id, boolean chat, long created, String object) {
        return json.createObjectNode()
                .put("id", (chat ? "chatcmpl-" : "cmpl-") + id)
                .put("object", object)
                .put("created", created)
                .put("model", model);
    }

    private static void usage(ObjectNode root, int prompt, int completion) {
        root.putObject("usage")
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }
}
