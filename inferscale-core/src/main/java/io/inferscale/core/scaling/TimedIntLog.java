package io.inferscale.core.scaling;

/**
 * Time-ordered {@code (time, value)} pairs in a growable ring: the HPA's recommendation history and
 * scale-event lists. Entries are appended in non-decreasing time and dropped from the oldest end,
 * so steady state allocates nothing. Queries use the HPA's strict {@code timestamp.After(cutoff)}.
 */
final class TimedIntLog {
    private long[] times = new long[16];
    private int[] values = new int[16];
    private int head;
    private int size;

    void add(long nowNanos, int value) {
        if (size == times.length) {
            grow();
        }
        int i = (head + size) % times.length;
        times[i] = nowNanos;
        values[i] = value;
        size++;
    }

    /** Drops the entries at or before {@code cutoffNanos}. */
    void dropUpTo(long cutoffNanos) {
        while (size > 0 && times[head] <= cutoffNanos) {
            head = (head + 1) % times.length;
            size--;
        }
    }

    int maxAfter(long cutoffNanos, int floor) {
        int max = floor;
        for (int k = 0; k < size; k++) {
            int i = (head + k) % times.length;
            if (times[i] > cutoffNanos) {
                max = Math.max(max, values[i]);
            }
        }
        return max;
    }

    int minAfter(long cutoffNanos, int ceiling) {
        int min = ceiling;
        for (int k = 0; k < size; k++) {
            int i = (head + k) % times.length;
            if (times[i] > cutoffNanos) {
                min = Math.min(min, values[i]);
            }
        }
        return min;
    }

    long sumAfter(long cutoffNanos) {
        long sum = 0;
        for (int k = 0; k < size; k++) {
            int i = (head + k) % times.length;
            if (times[i] > cutoffNanos) {
                sum += values[i];
            }
        }
        return sum;
    }

    private void grow() {
        long[] t = new long[times.length * 2];
        int[] v = new int[values.length * 2];
        for (int k = 0; k < size; k++) {
            int i = (head + k) % times.length;
            t[k] = times[i];
            v[k] = values[i];
        }
        times = t;
        values = v;
        head = 0;
    }
}
