package io.inferscale.core.routing.learned;

import io.inferscale.core.routing.ReplicaLoad;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The inputs a learned routing policy may ask for, by the names the {@code routing.policies}
 * contract uses. This list is the contract between the trainer (the fleet simulator) and every
 * gateway: each is computed from the gateway's own load state for one candidate replica, relative
 * to the other candidates where that makes a policy portable across fleet sizes. A policy naming a
 * feature this build does not know is refused, never evaluated with a made-up input.
 */
public enum ReplicaFeature {
    /** Requests this gateway has in flight on the replica. */
    IN_FLIGHT("in_flight"),
    /** In flight over the candidates' mean in flight + 1: 1 is an average share. */
    IN_FLIGHT_REL("in_flight_rel"),
    /** Peak-EWMA latency in seconds; 0 before the first completion. */
    LATENCY_EWMA_S("latency_ewma_s"),
    /** Peak-EWMA latency over the lowest known one among the candidates; 1 when unknown. */
    LATENCY_EWMA_REL("latency_ewma_rel"),
    /** Peak-EWMA's cost estimate, (in flight + 1) x latency, in seconds. */
    EXPECTED_WAIT_S("expected_wait_s"),
    /** Consecutive failed responses (reset by a success). */
    CONSECUTIVE_FAILURES("consecutive_failures");

    private final String wireName;

    ReplicaFeature(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ReplicaFeature> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ReplicaFeature::wireName).toList();
    }

    /** What the candidates have in common, computed once per choice. */
    record Context(double meanInFlight, double minLatencyNanos) {
        static Context of(List<ReplicaLoad> candidates) {
            long total = 0;
            double minLatency = Double.POSITIVE_INFINITY;
            for (ReplicaLoad r : candidates) {
                total += r.inFlight();
                double l = r.peakEwmaNanos();
                if (l > 0) {
                    minLatency = Math.min(minLatency, l);
                }
            }
            return new Context(total / (double) candidates.size(), minLatency);
        }
    }

    double of(ReplicaLoad r, Context c) {
        double latency = r.peakEwmaNanos();
        return switch (this) {
            case IN_FLIGHT -> r.inFlight();
            case IN_FLIGHT_REL -> r.inFlight() / (c.meanInFlight() + 1);
            case LATENCY_EWMA_S -> latency / 1e9;
            case LATENCY_EWMA_REL ->
                    latency > 0 && Double.isFinite(c.minLatencyNanos())
                            ? latency / c.minLatencyNanos()
                            : 1;
            case EXPECTED_WAIT_S -> (r.inFlight() + 1) * latency / 1e9;
            case CONSECUTIVE_FAILURES -> r.consecutiveFailures();
        };
    }
}
