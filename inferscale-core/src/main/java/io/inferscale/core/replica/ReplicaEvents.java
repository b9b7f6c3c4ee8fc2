package io.inferscale.core.replica;

/**
 * What a {@link ReplicaModel} reports while {@link ReplicaModel#advanceTo advancing}. Times are the
 * model's event times, not the time of the call, so a wall-clock driver that wakes late still
 * records exact latencies. Every submitted request gets exactly one {@link #completed}; a
 * successful one gets {@link #admitted} and {@link #firstToken} before it, in that order.
 */
public interface ReplicaEvents {

    /**
     * The request left the admission queue and joined the running batch: queueing time ends here.
     */
    default void admitted(long requestId, long atNanos) {}

    /** End of the step that finished the request's prefill: the time to first token ends here. */
    default void firstToken(long requestId, long atNanos) {}

    /**
     * The request finished. With {@code error}, it produced no (further) output: an injected error,
     * a crash, or a request too large ever to fit the KV cache.
     */
    void completed(long requestId, long atNanos, boolean error);
}
