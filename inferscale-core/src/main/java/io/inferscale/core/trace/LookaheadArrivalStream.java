package io.inferscale.core.trace;

import java.util.NoSuchElementException;

/** Turns "compute the next request or null" into {@link java.util.Iterator}'s hasNext/next pair. */
abstract class LookaheadArrivalStream implements ArrivalStream {
    private TraceRequest pending;
    private boolean exhausted;

    /** The next request in arrival order, or null when there are no more. */
    protected abstract TraceRequest fetch();

    @Override
    public final boolean hasNext() {
        if (pending == null && !exhausted) {
            pending = fetch();
            exhausted = pending == null;
        }
        return pending != null;
    }

    @Override
    public final TraceRequest next() {
        if (!hasNext()) {
            throw new NoSuchElementException("trace exhausted");
        }
        TraceRequest request = pending;
        pending = null;
        return request;
    }
}
