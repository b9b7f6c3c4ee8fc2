package io.inferscale.core.replica;

import java.util.Comparator;

/** A request's mutable state inside one engine. */
final class Seq {

    /**
     * Earliest {@link #doneAt} first; equal ones in submission order, so that runs are
     * reproducible.
     */
    static final Comparator<Seq> BY_DONE_AT =
            (a, b) ->
                    a.doneAt != b.doneAt
                            ? Long.compare(a.doneAt, b.doneAt)
                            : Long.compare(a.order, b.order);

    final InferenceRequest req;

    /** Submission order on this replica: the tie-breaker everywhere. */
    final long order;

    /**
     * LLM: the global step that yields the last token; simple: the completion time in nanoseconds.
     */
    long doneAt;

    /** LLM: the global step that ends the prefill and yields the first token. */
    long firstStep;

    /** LLM: the prefix blocks pinned for this request, released when it ends. */
    KvBlockCache.Block[] blocks;

    /** LLM: KV tokens held besides the prefix blocks (the prompt's remainder and the output). */
    long privateTokens;

    Seq(InferenceRequest req, long order) {
        this.req = req;
        this.order = order;
    }
}
