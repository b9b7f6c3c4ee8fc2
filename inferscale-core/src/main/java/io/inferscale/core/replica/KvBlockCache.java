package io.inferscale.core.replica;

import java.util.HashMap;

/**
 * A KV cache of fixed token capacity. Prompt prefixes live in shared blocks keyed by their hash; a
 * block in use by a running request is pinned, an unused one stays cached for reuse until
 * least-recently-used eviction needs its room. Everything else a request holds (the prompt beyond
 * its hashed blocks, the output) is private, reserved at admission for the request's whole length
 * so that a running request never has to be preempted.
 */
final class KvBlockCache {

    /** A cached prefix block; on the LRU list exactly while no request pins it. */
    static final class Block {
        final long hash;
        int refs;
        Block prev;
        Block next;

        Block(long hash) {
            this.hash = hash;
        }
    }

    private final long capacityTokens;
    private final int blockTokens;
    private final HashMap<Long, Block> byHash = new HashMap<>();

    /**
     * Sentinel of the circular LRU list: {@code lru.next} is evicted first, {@code lru.prev} was
     * released last.
     */
    private final Block lru = new Block(0);

    private int unpinnedBlocks;
    private long pinnedTokens;

    /** Prefix blocks of admitted requests, and those of them whose prefill was skipped. */
    private long requestedBlocks;

    private long hitBlocks;

    KvBlockCache(long capacityTokens, int blockTokens) {
        this.capacityTokens = capacityTokens;
        this.blockTokens = blockTokens;
        lru.prev = lru;
        lru.next = lru;
    }

    /**
     * False for a request that would not fit even into an empty cache, and so would block the queue
     * forever.
     */
    boolean fitsEver(InferenceRequest r) {
        return (long) r.prefixHashes().length * blockTokens + privateTokens(r) <= capacityTokens;
    }

    /**
     * Reserves the request's KV space if it fits now, evicting unpinned blocks as needed.
     *
     * @return how many prompt tokens were already cached (the leading run of present blocks), or -1
     *     if it does not fit
     */
    int tryAcquire(Seq s) {
        long[] hashes = s.req.prefixHashes();
        long priv = privateTokens(s.req);
        int missing = 0;
        int evictablePresent = 0;
        int leadingHits = 0;
        // One lookup per block: the blocks found are kept for pinning (the hash map is the
        // simulator's hottest path on prefix-heavy traces such as Mooncake).
        Block[] pinned = new Block[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            Block b = byHash.get(hashes[i]);
            if (b == null) {
                missing++;
            } else {
                pinned[i] = b;
                evictablePresent += b.refs == 0 ? 1 : 0;
                leadingHits += missing == 0 ? 1 : 0;
            }
        }
        long need = (long) missing * blockTokens + priv;
        // Blocks this request reuses cannot be evicted to make room for it.
        if (need > freeTokens() + (long) (unpinnedBlocks - evictablePresent) * blockTokens) {
            return -1;
        }
        for (Block b : pinned) {
            if (b != null) {
                pin(b);
            }
        }
        while (freeTokens() < need) {
            evictOldest();
        }
        for (int i = 0; i < hashes.length; i++) {
            if (pinned[i] == null) {
                Block b = byHash.computeIfAbsent(hashes[i], Block::new);
                pin(b);
                pinned[i] = b;
            }
        }
        pinnedTokens += priv;
        requestedBlocks += hashes.length;
        hitBlocks += leadingHits;
        s.blocks = pinned;
        s.privateTokens = priv;
        return (int) Math.min(s.req.promptTokens(), (long) leadingHits * blockTokens);
    }

    /**
     * The request ended: its private tokens are freed, its prefix blocks stay cached, most recently
     * used last.
     */
    void release(Seq s) {
        for (Block b : s.blocks) {
            if (--b.refs == 0) {
                b.prev = lru.prev;
                b.next = lru;
                lru.prev.next = b;
                lru.prev = b;
                unpinnedBlocks++;
                pinnedTokens -= blockTokens;
            }
        }
        pinnedTokens -= s.privateTokens;
        s.blocks = null;
    }

    /** Prefix blocks of every admitted request so far (a crash does not reset it). */
    long requestedBlocks() {
        return requestedBlocks;
    }

    /**
     * Of {@link #requestedBlocks()}, those found cached at admission: the leading run of present
     * blocks, whose prefill is skipped.
     */
    long hitBlocks() {
        return hitBlocks;
    }

    /** A crash loses the GPU's memory. */
    void clear() {
        byHash.clear();
        lru.prev = lru;
        lru.next = lru;
        unpinnedBlocks = 0;
        pinnedTokens = 0;
    }

    /**
     * Share of capacity held by running requests; cached but unused blocks count as free, as in
     * vLLM.
     */
    double usage() {
        return (double) pinnedTokens / capacityTokens;
    }

    private long privateTokens(InferenceRequest r) {
        long total = (long) r.promptTokens() + r.outputTokens();
        return Math.max(0, total - (long) r.prefixHashes().length * blockTokens);
    }

    private long freeTokens() {
        return capacityTokens - pinnedTokens - (long) unpinnedBlocks * blockTokens;
    }

    private void pin(Block b) {
        if (b.refs++ == 0) {
            if (b.next != null) { // a cached block leaves the LRU list; a new one was never on it
                b.prev.next = b.next;
                b.next.prev = b.prev;
                b.prev = null;
                b.next = null;
                unpinnedBlocks--;
            }
            pinnedTokens += blockTokens;
        }
    }

    private void evictOldest() {
        Block b = lru.next;
        lru.next = b.next;
        b.next.prev = lru;
        b.prev = null;
        b.next = null;
        unpinnedBlocks--;
        byHash.remove(b.hash);
    }
}
