package io.inferscale.core.replica;

import java.util.function.LongConsumer;

/**
 * One way of serving requests ({@link LlmEngine}, {@link SimpleEngine}). {@link ReplicaModel} owns
 * the faults and the time checks; an engine only schedules. An engine never reads a clock: every
 * time is passed in.
 */
sealed interface Engine permits LlmEngine, SimpleEngine {

    long NONE = Long.MAX_VALUE;

    /**
     * Queues the request for admission; false if it can never be served here (too large for the KV
     * cache).
     */
    boolean enqueue(Seq s, long now);

    /** Time of the earliest pending event, {@link #NONE} when idle. */
    long nextEventNanos();

    /** Handles everything due at {@code at}, which is the current {@link #nextEventNanos()}. */
    void process(long at, ReplicaEvents sink);

    /**
     * Work from the next step (LLM) or the next admission (simple) on takes {@code scale} times the
     * nominal time.
     */
    void setTimeScale(double scale, long now);

    /**
     * Drops every request in flight, running ones first, each in submission order; leaves the
     * engine empty.
     */
    void abortAll(LongConsumer failedIds);

    int running();

    int waiting();

    double kvCacheUsage();

    int generatedTokens(long requestId, long now);

    /** Prefix blocks of the requests admitted so far (0 in simple mode). */
    long prefixBlocksRequested();

    /** Of {@link #prefixBlocksRequested()}, those served from the KV cache (0 in simple mode). */
    long prefixBlocksHit();
}
