package io.inferscale.core.routing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a gateway knows about one replica's load from its own traffic: requests in flight, a
 * peak-sensitive EWMA of latency (Finagle/Linkerd "peak EWMA": a slow response raises it at once,
 * fast ones decay it gradually), and consecutive failures. The gateway and the simulator update it
 * the same way, through these methods.
 *
 * <p>Thread-safe and lock-free: gateways update it from many event-loop threads.
 */
public final class ReplicaLoad {
    /** Decay time constant of the latency EWMA (Finagle's default is 10 s). */
    public static final long DEFAULT_DECAY_NANOS = 10_000_000_000L;

    private final String replicaId;
    private final String address;
    private final long decayNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();

    /** Outlier ejection state, written by {@link OutlierDetector}; 0 = not ejected. */
    private volatile long ejectedUntilNanos;

    private final AtomicInteger ejections = new AtomicInteger();

    /**
     * Packed as two longs updated under a tiny lock: EWMA (nanos, as double bits) and its last
     * update time.
     */
    private double ewmaNanos;

    private long ewmaStampNanos;

    public ReplicaLoad(String replicaId, String address) {
        this(replicaId, address, DEFAULT_DECAY_NANOS);
    }

    public ReplicaLoad(String replicaId, String address, long decayNanos) {
        this.replicaId = replicaId;
        this.address = address;
        this.decayNanos = decayNanos;
    }

    public String replicaId() {
        return replicaId;
    }

    public String address() {
        return address;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    public long completed() {
        return completed.get();
    }

    /** True while an outlier ejection keeps this replica out of the routable set. */
    public boolean ejectedAt(long nowNanos) {
        long until = ejectedUntilNanos;
        return until != 0 && nowNanos < until;
    }

    public long ejectedUntilNanos() {
        return ejectedUntilNanos;
    }

    /** How many times this replica has been ejected; ejection time grows with it (Envoy's rule). */
    public int ejections() {
        return ejections.get();
    }

    void eject(long untilNanos) {
        ejections.incrementAndGet();
        ejectedUntilNanos = untilNanos;
    }

    /**
     * An expired ejection is cleared with a fresh failure streak, so one more error does not eject
     * it again.
     */
    void readmit() {
        ejectedUntilNanos = 0;
        consecutiveFailures.set(0);
    }

    /** Call when a request is sent to this replica. */
    public void onStart() {
        inFlight.incrementAndGet();
    }

    /** Call exactly once per {@link #onStart()}, when the response finished (or failed). */
    public void onComplete(long nowNanos, long latencyNanos, boolean success) {
        inFlight.decrementAndGet();
        completed.incrementAndGet();
        if (success) {
            consecutiveFailures.set(0);
        } else {
            consecutiveFailures.incrementAndGet();
        }
        observeLatency(nowNanos, latencyNanos);
    }

    private synchronized void observeLatency(long nowNanos, long latencyNanos) {
        if (ewmaStampNanos == 0 && ewmaNanos == 0) {
            ewmaNanos = latencyNanos;
        } else if (latencyNanos > ewmaNanos) {
            ewmaNanos = latencyNanos; // peak sensitivity: react to a slowdown immediately
        } else {
            double elapsed = Math.max(0, nowNanos - ewmaStampNanos);
            double w = Math.exp(-elapsed / decayNanos);
            ewmaNanos = ewmaNanos * w + latencyNanos * (1 - w);
        }
        ewmaStampNanos = nowNanos;
    }

    /** The peak-EWMA latency estimate in nanoseconds; 0 before the first completion. */
    public synchronized double peakEwmaNanos() {
        return ewmaNanos;
    }

    @Override
    public String toString() {
        return replicaId + "{inFlight=" + inFlight() + ", ewmaMs=" + peakEwmaNanos() / 1e6 + "}";
    }
}
