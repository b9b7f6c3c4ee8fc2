package io.inferscale.scaler.domain.control;

import java.util.HashMap;
import java.util.Map;

/**
 * What the scaler knows of one model's load, fed by the telemetry topics. Concurrency comes from
 * the replica scrapes ({@code telemetry.replicas}: running + waiting, every few seconds) because
 * they are fresh; the demand windows arrive only after the collector's lateness allowance (about 30
 * s), too late to catch a burst, so they give the arrival rate, which only serves Little's law.
 * Thread-safe: listeners write, the control loop reads.
 */
public final class LoadSignals {
    private final long maxSnapshotAgeNanos;
    private final long maxRateAgeNanos;
    private final Map<String, Reading> byReplica = new HashMap<>();
    private Reading rate;

    /** One replica's (or the model's) value and when it was observed. */
    private record Reading(double value, long atNanos) {}

    /** One load sample for the decider's windows. */
    public record Sample(long atNanos, double inFlight, double requestsPerSecond) {}

    /**
     * @param maxSnapshotAgeNanos a replica scraped longer ago than this no longer counts
     * @param maxRateAgeNanos an arrival rate older than this is unknown (taken as 0)
     */
    public LoadSignals(long maxSnapshotAgeNanos, long maxRateAgeNanos) {
        this.maxSnapshotAgeNanos = maxSnapshotAgeNanos;
        this.maxRateAgeNanos = maxRateAgeNanos;
    }

    /** A scrape of one replica: requests running plus waiting; unhealthy or stale ones are not. */
    public synchronized void replica(String replicaId, double concurrency, long atNanos) {
        Reading old = byReplica.get(replicaId);
        if (old == null || old.atNanos() <= atNanos) {
            byReplica.put(replicaId, new Reading(Math.max(0, concurrency), atNanos));
        }
    }

    /** A replica that is gone or stale: it stops counting at once. */
    public synchronized void forget(String replicaId) {
        byReplica.remove(replicaId);
    }

    /** Arrivals per second over a demand window that ended at {@code atNanos}. */
    public synchronized void arrivals(double requestsPerSecond, long atNanos) {
        if (rate == null || rate.atNanos() <= atNanos) {
            rate = new Reading(Math.max(0, requestsPerSecond), atNanos);
        }
    }

    /**
     * The load now, or null when it is unknown: replicas exist but none was scraped recently (the
     * decider then holds the count, fail static). With no replicas the in-flight count is known to
     * be zero, so a scaled-to-zero model keeps getting samples, and its arrivals (requests the
     * gateway had to refuse) are what wake it.
     */
    public synchronized Sample sample(long nowNanos, int currentReplicas) {
        byReplica.values().removeIf(r -> nowNanos - r.atNanos() > 10 * maxSnapshotAgeNanos);
        double inFlight = 0;
        boolean fresh = false;
        for (Reading r : byReplica.values()) {
            if (nowNanos - r.atNanos() <= maxSnapshotAgeNanos) {
                inFlight += r.value();
                fresh = true;
            }
        }
        if (!fresh && currentReplicas > 0) {
            return null;
        }
        double rps =
                rate != null && nowNanos - rate.atNanos() <= maxRateAgeNanos ? rate.value() : 0;
        return new Sample(nowNanos, fresh ? inFlight : 0, rps);
    }
}
