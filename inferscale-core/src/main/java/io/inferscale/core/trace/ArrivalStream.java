package io.inferscale.core.trace;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/**
 * A trace's requests in non-decreasing arrival order, read lazily: a multi-day trace scaled up
 * holds hundreds of millions of requests, so nothing here materialises them. Close it to release
 * the file.
 */
public interface ArrivalStream extends Iterator<TraceRequest>, AutoCloseable {

    /**
     * The instant that {@link TraceRequest#arrivalNanos()} counts from: the first row's time, or
     * {@link Instant#EPOCH} for traces that record only offsets (Mooncake).
     */
    Instant traceStart();

    /**
     * Stretches with no data inside the requested window, in order; empty for formats that cannot
     * tell.
     */
    default List<TraceGap> gaps() {
        return List.of();
    }

    @Override
    void close();
}
