package io.inferscale.core.replica;

import java.util.Arrays;

/**
 * One inference request as a replica sees it.
 *
 * @param id caller-chosen id, unique among the requests in flight on one replica; events carry it
 *     back
 * @param promptTokens prompt length, {@code >= 0}
 * @param outputTokens tokens to generate, {@code >= 1} (the prefill step always yields the first
 *     one)
 * @param prefixHashes ids of the prompt's 512-token prefix blocks in order (Mooncake {@code
 *     hash_ids}); equal ids in two requests are a shared, reusable KV-cache prefix. Empty when
 *     unknown. Not copied: do not modify.
 */
public record InferenceRequest(long id, int promptTokens, int outputTokens, long[] prefixHashes) {

    private static final long[] NO_HASHES = new long[0];

    public InferenceRequest {
        if (promptTokens < 0 || outputTokens < 1) {
            throw new IllegalArgumentException(
                    "need promptTokens >= 0 and outputTokens >= 1, were "
                            + promptTokens
                            + ", "
                            + outputTokens);
        }
        if (prefixHashes == null) {
            prefixHashes = NO_HASHES;
        }
    }

    /** A request without prefix information (every trace but Mooncake). */
    public InferenceRequest(long id, int promptTokens, int outputTokens) {
        this(id, promptTokens, outputTokens, NO_HASHES);
    }

    /** Arrays compare by content, so that two replays compare equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof InferenceRequest that
                && id == that.id
                && promptTokens == that.promptTokens
                && outputTokens == that.outputTokens
                && Arrays.equals(prefixHashes, that.prefixHashes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Long.hashCode(id) + promptTokens) + outputTokens)
                + Arrays.hashCode(prefixHashes);
    }

    @Override
    public String toString() {
        return "InferenceRequest[id="
                + id
                + ", promptTokens="
                + promptTokens
                + ", outputTokens="
                + outputTokens
                + ", prefixHashes="
                + Arrays.toString(prefixHashes)
                + "]";
    }
}
