package io.inferscale.fleetsim;

import java.util.Arrays;

/**
 * The replicas ordered by their model's next event, earliest first, ties by ordinal so that runs
 * repeat exactly. Indexed (each replica knows its slot), so re-keying the one replica that just
 * acted costs O(log n) and the loop never scans the fleet to find the next event.
 */
final class ReplicaHeap {

    private SimReplica[] heap = new SimReplica[16];
    private int size;

    int size() {
        return size;
    }

    /** The replica with the earliest event; null when empty. */
    SimReplica peek() {
        return size == 0 ? null : heap[0];
    }

    /** Time of the earliest event, {@link Long#MAX_VALUE} when none. */
    long peekTime() {
        return size == 0 ? Long.MAX_VALUE : heap[0].nextEventNanos;
    }

    void add(SimReplica r) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        r.nextEventNanos = r.model.nextEventNanos();
        r.heapIndex = size;
        heap[size++] = r;
        up(r.heapIndex);
    }

    /** Re-reads the replica's next event time and restores the order. */
    void update(SimReplica r) {
        long next = r.model.nextEventNanos();
        long old = r.nextEventNanos;
        if (next == old) {
            return;
        }
        r.nextEventNanos = next;
        if (next < old) {
            up(r.heapIndex);
        } else {
            down(r.heapIndex);
        }
    }

    void remove(SimReplica r) {
        int i = r.heapIndex;
        SimReplica last = heap[--size];
        heap[size] = null;
        r.heapIndex = -1;
        if (i < size) {
            heap[i] = last;
            last.heapIndex = i;
            up(i);
            down(last.heapIndex);
        }
    }

    private void up(int i) {
        SimReplica r = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            SimReplica p = heap[parent];
            if (!before(r, p)) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = r;
        r.heapIndex = i;
    }

    private void down(int i) {
        SimReplica r = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            SimReplica c = heap[child];
            if (!before(c, r)) {
                break;
            }
            heap[i] = c;
            c.heapIndex = i;
            i = child;
        }
        heap[i] = r;
        r.heapIndex = i;
    }

    private static boolean before(SimReplica a, SimReplica b) {
        return a.nextEventNanos < b.nextEventNanos
                || (a.nextEventNanos == b.nextEventNanos && a.ordinal < b.ordinal);
    }
}
