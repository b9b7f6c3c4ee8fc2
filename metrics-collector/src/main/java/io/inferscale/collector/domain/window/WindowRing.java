package io.inferscale.collector.domain.window;

/**
 * The open windows of one model and one size, in a ring indexed by window number ({@code start /
 * size}). The engine only touches windows between the first open one and the newest a record can
 * reach (watermark + clock skew), so the ring never wraps onto a live window; a wrap would be a bug
 * and fails loudly.
 */
final class WindowRing {
    private final WindowStats[] slots;
    private final long[] indexes;
    private int used;

    WindowRing(int capacity) {
        slots = new WindowStats[capacity];
        indexes = new long[capacity];
    }

    int capacity() {
        return slots.length;
    }

    int used() {
        return used;
    }

    /** The window with this number, created on first use. */
    WindowStats at(long index) {
        int slot = (int) Math.floorMod(index, (long) slots.length);
        WindowStats s = slots[slot];
        if (s != null) {
            if (indexes[slot] != index) {
                throw new IllegalStateException(
                        "window ring overrun: slot holds window "
                                + indexes[slot]
                                + ", wanted "
                                + index);
            }
            return s;
        }
        s = new WindowStats();
        slots[slot] = s;
        indexes[slot] = index;
        used++;
        return s;
    }

    /** Removes and returns the window with this number, or null if it never saw a record. */
    WindowStats take(long index) {
        int slot = (int) Math.floorMod(index, (long) slots.length);
        WindowStats s = slots[slot];
        if (s == null || indexes[slot] != index) {
            return null;
        }
        slots[slot] = null;
        used--;
        return s;
    }
}
