package io.inferscale.gateway.domain.routing;

/**
 * Picks the token counts out of an OpenAI-style response as it streams past the gateway, without
 * buffering or parsing it: the {@code "prompt_tokens"} and {@code "completion_tokens"} numbers of
 * the {@code usage} object, which a non-streamed answer carries once and a stream carries in its
 * last chunk (vLLM with {@code stream_options.include_usage}, and inference-sim). It is a byte-wise
 * state machine, so a key or number split across two network buffers is still found; the last value
 * seen wins, as a stream's final usage is the total. Not thread-safe: one per response.
 */
public final class UsageScanner {
    private static final byte[] PROMPT = "\"prompt_tokens\"".getBytes();
    private static final byte[] COMPLETION = "\"completion_tokens\"".getBytes();
    private static final int NONE = -1;

    private final KeyMatcher prompt = new KeyMatcher(PROMPT);
    private final KeyMatcher completion = new KeyMatcher(COMPLETION);
    private int promptTokens = NONE;
    private int completionTokens = NONE;

    /** Which value a matched key is reading: 0 none, 1 prompt, 2 completion. */
    private int reading;

    private boolean colonSeen;
    private long value;
    private boolean digits;

    public void accept(byte b) {
        if (reading != 0 && readValue(b)) {
            return;
        }
        boolean promptKey = prompt.accept(b);
        boolean completionKey = completion.accept(b);
        if (promptKey) {
            startValue(1);
        } else if (completionKey) {
            startValue(2);
        }
    }

    /** Null when the response carried no usage. */
    public Integer promptTokens() {
        return promptTokens == NONE ? null : promptTokens;
    }

    public Integer completionTokens() {
        return completionTokens == NONE ? null : completionTokens;
    }

    private void startValue(int which) {
        reading = which;
        colonSeen = false;
        value = 0;
        digits = false;
    }

    /**
     * @return true while the byte belongs to the value being read
     */
    private boolean readValue(byte b) {
        if (b >= '0' && b <= '9' && colonSeen) {
            digits = true;
            value = Math.min(value * 10 + (b - '0'), Integer.MAX_VALUE + 1L);
            return true;
        }
        boolean blank = b == ' ' || b == '\t' || b == '\n' || b == '\r';
        if (!digits && blank) {
            return true;
        }
        if (!digits && b == ':' && !colonSeen) {
            colonSeen = true;
            return true;
        }
        if (digits && value <= Integer.MAX_VALUE) {
            if (reading == 1) {
                promptTokens = (int) value;
            } else {
                completionTokens = (int) value;
            }
        }
        reading = 0;
        return false;
    }

    /**
     * Matches one quoted key. The quote only opens and closes the key, so on a mismatch the partial
     * match restarts at the quote or at nothing; no other overlap is possible.
     */
    private static final class KeyMatcher {
        private final byte[] key;
        private int matched;

        KeyMatcher(byte[] key) {
            this.key = key;
        }

        boolean accept(byte b) {
            if (key[matched] == b) {
                matched++;
                if (matched == key.length) {
                    matched = 0;
                    return true;
                }
                return false;
            }
            matched = b == '"' ? 1 : 0;
            return false;
        }
    }
}
