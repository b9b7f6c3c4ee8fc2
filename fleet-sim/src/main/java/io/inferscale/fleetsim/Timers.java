package io.inferscale.fleetsim;

import java.util.PriorityQueue;

/**
 * The simulator's own scheduled events (grid samples, autoscaler ticks, replicas becoming ready),
 * ordered by time and then by scheduling order, so equal times always resolve the same way. A few
 * per simulated second at most, so plain objects are fine here.
 */
final class Timers {

    enum Kind {
        /** The 1 s grid: balance samples and the autoscaler's observation. */
        SECOND,
        /** The autoscaler decides. */
        DECIDE,
        /** A provisioned replica finished its cold start. */
        READY
    }

    record Timer(long atNanos, long seq, Kind kind, SimReplica replica) {}

    private final PriorityQueue<Timer> queue =
            new PriorityQueue<>(
                    (a, b) ->
                            a.atNanos != b.atNanos
                                    ? Long.compare(a.atNanos, b.atNanos)
                                    : Long.compare(a.seq, b.seq));
    private long seq;

    void schedule(long atNanos, Kind kind, SimReplica replica) {
        queue.add(new Timer(atNanos, seq++, kind, replica));
    }

    /** Time of the earliest timer, {@link Long#MAX_VALUE} when none. */
    long peekTime() {
        Timer t = queue.peek();
        return t == null ? Long.MAX_VALUE : t.atNanos;
    }

    Timer poll() {
        return queue.poll();
    }
}
