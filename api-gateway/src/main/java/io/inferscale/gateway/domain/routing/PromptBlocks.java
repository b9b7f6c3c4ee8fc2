package io.inferscale.gateway.domain.routing;

/**
 * Prefix block ids for a prompt, when the client sent no {@code x-prefix-hashes} header. A replica
 * reuses KV cache only for whole blocks of a common prefix, and vLLM names each block by a hash of
 * its tokens chained with the hash of the block before it; the gateway has no tokenizer, so it cuts
 * the text into blocks of about 512 tokens (2,048 characters, the usual 4 characters per token) and
 * chains their hashes the same way. Two prompts therefore share a leading run of ids exactly when
 * they share a leading run of whole blocks of text, which is what the prefix-aware chooser matches
 * on. A trailing partial block gets no id: the replica cannot reuse it either.
 */
public final class PromptBlocks {
    /** 512 tokens at about 4 characters per token. */
    public static final int DEFAULT_CHARS_PER_BLOCK = 2048;

    private static final long[] NONE = new long[0];
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private PromptBlocks() {}

    /**
     * @param maxBlocks the most ids returned (the chooser only matches a leading run anyway)
     * @return one id per whole block, in prompt order
     */
    public static long[] of(CharSequence prompt, int charsPerBlock, int maxBlocks) {
        if (charsPerBlock < 1 || maxBlocks < 0) {
            throw new IllegalArgumentException("charsPerBlock must be >= 1 and maxBlocks >= 0");
        }
        int blocks = prompt == null ? 0 : Math.min(maxBlocks, prompt.length() / charsPerBlock);
        if (blocks == 0) {
            return NONE;
        }
        long[] ids = new long[blocks];
        long parent = FNV_OFFSET;
        for (int b = 0; b < blocks; b++) {
            long h = parent;
            for (int i = b * charsPerBlock, end = i + charsPerBlock; i < end; i++) {
                char c = prompt.charAt(i);
                h = (h ^ (c & 0xff)) * FNV_PRIME;
                h = (h ^ (c >>> 8)) * FNV_PRIME;
            }
            ids[b] = mix(h);
            parent = ids[b];
        }
        return ids;
    }

    /** A final avalanche (MurmurHash3's fmix64), so ids of similar blocks differ in every bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
