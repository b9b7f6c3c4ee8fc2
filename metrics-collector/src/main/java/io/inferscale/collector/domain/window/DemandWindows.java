package io.inferscale.collector.domain.window;

import io.inferscale.contracts.RequestTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Event-time demand windows for the models of one input shard (a Kafka partition). Not thread-safe:
 * one consumer thread owns an instance.
 *
 * <p>Time is the records' own: {@link #add} moves the watermark to the record's arrival (the time
 * it reached the input log), and {@link #advanceTo} moves it further when the input is idle. A
 * window closes once the watermark passes its end plus the lateness allowance. Because closing
 * depends on the input and not on when it is processed, re-reading the same records after a restart
 * rebuilds the same windows, which is what makes recovery by replay exact.
 *
 * <p>The horizon is where a previous owner of the shard stopped: windows starting before it were
 * already emitted, so records that belong to them are ignored rather than counted twice.
 */
public final class DemandWindows {
    private final long[] sizeMs;
    private final int rollupSize;
    private final long allowanceMs;
    private final long idleMs;
    private final long skewMs;
    private final int[] capacities;
    private final long[] horizonIndex;
    private final long[] closedBefore;
    private final Map<String, ModelWindows> models = new HashMap<>();
    private final List<ClosedWindow> closed = new ArrayList<>();
    private final HistogramPool pool = new HistogramPool();
    private long watermark = Long.MIN_VALUE;
    private long nextCloseAt;
    private long lateRecords;

    public DemandWindows(WindowSettings settings, Instant horizon) {
        int n = settings.sizes().size();
        this.sizeMs = new long[n];
        this.capacities = new int[n];
        this.horizonIndex = new long[n];
        this.closedBefore = new long[n];
        this.allowanceMs = settings.allowedLateness().toMillis();
        this.idleMs = settings.idleTimeout().toMillis();
        this.skewMs = settings.maxClockSkew().toMillis();
        long h = horizon.toEpochMilli();
        for (int s = 0; s < n; s++) {
            long size = settings.sizes().get(s).toMillis();
            sizeMs[s] = size;
            // Open windows span [watermark - allowance - size, watermark + skew]; +2 for rounding.
            capacities[s] = Math.toIntExact((allowanceMs + skewMs) / size + 3);
            horizonIndex[s] = -Math.floorDiv(-h, size);
            closedBefore[s] = Long.MIN_VALUE;
        }
        this.rollupSize = settings.sizes().indexOf(WindowSettings.ROLLUP);
        this.nextCloseAt = nextCloseAt();
    }

    /**
     * Adds one finished request.
     *
     * @param arrivalMillis when the record reached the input (its log timestamp), which decides
     *     whether it is late
     */
    public void add(RequestTelemetry t, long arrivalMillis) {
        advanceTo(arrivalMillis);
        long end = t.meta().eventTime().toEpochMilli();
        // A request cannot start after it finished; a gateway clock step could say so.
        long start = Math.min(t.startedAt().toEpochMilli(), end);
        ModelWindows m = models.get(t.model());
        if (m == null) {
            m = new ModelWindows(t.model(), capacities);
            models.put(t.model(), m);
        }
        m.lastArrival = Math.max(m.lastArrival, arrivalMillis);
        boolean future = end > watermark + skewMs;
        boolean late = false;
        for (int s = 0; s < sizeMs.length; s++) {
            if (future) {
                countLate(m, s);
                late = true;
            } else {
                late |= place(t, start, end, m, s);
            }
        }
        if (late) {
            lateRecords++;
        }
    }

    /** Moves the watermark to {@code watermarkMillis} if that is later, closing what is due. */
    public void advanceTo(long watermarkMillis) {
        if (watermarkMillis <= watermark) {
            return;
        }
        watermark = watermarkMillis;
        if (watermark < nextCloseAt) {
            return;
        }
        for (int s = 0; s < sizeMs.length; s++) {
            long from = firstOpen(s);
            closedBefore[s] =
                    Math.max(closedBefore[s], Math.floorDiv(watermark - allowanceMs, sizeMs[s]));
            long to = firstOpen(s);
            if (to > from) {
                for (ModelWindows m : models.values()) {
                    close(m, s, from, to);
                }
            }
        }
        evictIdle();
        nextCloseAt = nextCloseAt();
    }

    /** The windows closed since the last call, oldest first per model and size. */
    public List<ClosedWindow> drainClosed() {
        if (closed.isEmpty()) {
            return List.of();
        }
        List<ClosedWindow> out = new ArrayList<>(closed);
        closed.clear();
        return out;
    }

    public long watermark() {
        return watermark;
    }

    public int openWindows() {
        int n = 0;
        for (ModelWindows m : models.values()) {
            n += m.openWindows();
        }
        return n;
    }

    public int models() {
        return models.size();
    }

    /** Records that missed at least one of their windows since this engine started. */
    public long lateRecords() {
        return lateRecords;
    }

    /** Places one record in the windows of size {@code s}; true if part of it came too late. */
    private boolean place(RequestTelemetry t, long start, long end, ModelWindows m, int s) {
        long size = sizeMs[s];
        long open = firstOpen(s);
        long arrivalIndex = Math.floorDiv(start, size);
        long completionIndex = Math.floorDiv(end, size);
        WindowRing ring = m.rings[s];
        String replicaId = s == rollupSize ? t.replicaId() : null;
        m.emitFrom[s] = Math.min(m.emitFrom[s], Math.max(arrivalIndex, open));
        // Late is judged against the watermark itself, not against what has been closed yet: a new
        // owner that has not closed anything must still call the same records late as the old one.
        boolean late = (arrivalIndex + 1) * size + allowanceMs <= watermark;
        if (late) {
            countLate(m, s);
        } else if (arrivalIndex >= open) {
            WindowStats w = ring.at(arrivalIndex);
            w.arrivals++;
            if (replicaId != null) {
                w.replica(replicaId).arrivals++;
            }
        } // else: before the horizon, where the previous owner counted it
        if (completionIndex >= open) {
            WindowStats w = ring.at(completionIndex);
            w.complete(t, pool);
            if (replicaId != null) {
                w.replica(replicaId).complete(t, pool);
            }
        }
        for (long i = Math.max(arrivalIndex, open); i <= completionIndex; i++) {
            long windowStart = i * size;
            long overlap = Math.min(end, windowStart + size) - Math.max(start, windowStart);
            if (overlap > 0) {
                WindowStats w = ring.at(i);
                w.inFlightMillis += overlap;
                if (replicaId != null) {
                    w.replica(replicaId).inFlightMillis += overlap;
                }
            }
        }
        return late;
    }

    /** Counts a late record in the window open now; before the horizon the old owner counted it. */
    private void countLate(ModelWindows m, int s) {
        long index = Math.floorDiv(watermark, sizeMs[s]);
        if (index >= horizonIndex[s]) {
            m.rings[s].at(index).late++;
            m.emitFrom[s] = Math.min(m.emitFrom[s], index);
        }
    }

    private void close(ModelWindows m, int s, long from, long to) {
        long size = sizeMs[s];
        WindowRing ring = m.rings[s];
        long activeUntil =
                m.lastArrival == Long.MIN_VALUE
                        ? Long.MIN_VALUE
                        : Math.floorDiv(m.lastArrival + idleMs, size);
        // Records only live in [from, from + capacity); past that only empty windows are due.
        long limit = Math.min(to, Math.max(from + ring.capacity(), activeUntil + 1));
        for (long i = from; i < limit; i++) {
            WindowStats w = ring.take(i);
            if (w != null) {
                emit(m, s, i, w.totals(size), w.replicaTotals(size));
                w.release(pool);
            } else if (i >= m.emitFrom[s] && i <= activeUntil) {
                emit(m, s, i, WindowTotals.EMPTY, List.of());
            }
        }
    }

    private void emit(
            ModelWindows m, int s, long index, WindowTotals totals, List<ReplicaWindow> replicas) {
        long size = sizeMs[s];
        closed.add(
                new ClosedWindow(
                        m.model,
                        Instant.ofEpochMilli(index * size),
                        (int) (size / 1000),
                        totals,
                        replicas));
    }

    private void evictIdle() {
        Iterator<ModelWindows> it = models.values().iterator();
        while (it.hasNext()) {
            ModelWindows m = it.next();
            if (m.openWindows() == 0 && idleSince(m)) {
                it.remove();
            }
        }
    }

    private boolean idleSince(ModelWindows m) {
        for (int s = 0; s < sizeMs.length; s++) {
            if (Math.floorDiv(m.lastArrival + idleMs, sizeMs[s]) >= firstOpen(s)) {
                return false;
            }
        }
        return true;
    }

    private long firstOpen(int s) {
        return Math.max(closedBefore[s], horizonIndex[s]);
    }

    private long nextCloseAt() {
        long next = Long.MAX_VALUE;
        for (int s = 0; s < sizeMs.length; s++) {
            next = Math.min(next, (firstOpen(s) + 1) * sizeMs[s] + allowanceMs);
        }
        return next;
    }
}
