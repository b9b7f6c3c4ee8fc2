package io.inferscale.fleetsim;

import io.inferscale.contracts.ScalingReason;
import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.core.routing.ReplicaChooser;
import io.inferscale.core.routing.RoutingPolicies;
import io.inferscale.core.scaling.AutoscalerSettings;
import io.inferscale.core.scaling.LoadSample;
import io.inferscale.core.scaling.ReplicaAutoscaler;
import io.inferscale.core.scaling.ScaleDecision;
import io.inferscale.core.scaling.StaticAutoscaler;
import io.inferscale.core.trace.ArrivalStream;
import io.inferscale.core.trace.TraceRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Builds small simulations from in-memory arrivals. */
final class Sims {

    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;
    static final long NONE = Long.MAX_VALUE;

    private Sims() {}

    /** Simple-mode replicas that serve one request at a time in exactly {@code serviceNanos}. */
    static ReplicaConfig fixedService(long serviceNanos, int slots) {
        return ReplicaConfig.simpleDefaults().withMaxBatch(slots).withService(serviceNanos, 0);
    }

    static SimSettings settings(ReplicaConfig replica, int replicas, long delayNanos) {
        return new SimSettings(
                replica, Collections.nCopies(replicas, 1.0), 1.0, delayNanos, NONE, NONE, 1);
    }

    /** Size-less arrivals at the given times. */
    static List<TraceRequest> at(long... times) {
        return java.util.Arrays.stream(times)
                .mapToObj(t -> new TraceRequest(t, 0, 0, null))
                .toList();
    }

    static ArrivalCursor cursor(List<TraceRequest> requests) {
        return new ArrivalCursor(() -> new ListStream(requests), 1);
    }

    static FleetSimulation sim(
            SimSettings s, String lb, ReplicaAutoscaler scaler, List<TraceRequest> requests) {
        return sim(s, lb, RoutingPolicies.create(lb), scaler, requests);
    }

    static FleetSimulation sim(
            SimSettings s,
            String lb,
            ReplicaChooser chooser,
            ReplicaAutoscaler scaler,
            List<TraceRequest> requests) {
        return new FleetSimulation(s, lb, chooser, scaler, cursor(requests));
    }

    /** The production static autoscaler, allowed any size (a test's fleet may be empty). */
    static ReplicaAutoscaler fixed() {
        return new StaticAutoscaler(AutoscalerSettings.of(0, 1000, 1));
    }

    /** An autoscaler that asks for {@code desired} replicas from its first tick on. */
    static ReplicaAutoscaler fixedTarget(long tickNanos, int desired) {
        return new ReplicaAutoscaler() {
            @Override
            public String name() {
                return "target-" + desired;
            }

            @Override
            public long tickNanos() {
                return tickNanos;
            }

            @Override
            public void observe(long nowNanos, LoadSample sample) {}

            @Override
            public ScaleDecision decide(long nowNanos, int current, int ready) {
                return new ScaleDecision(desired, ScalingReason.REACTIVE, "test");
            }
        };
    }

    /** A trace held in memory. */
    static final class ListStream implements ArrivalStream {
        private final Iterator<TraceRequest> it;

        ListStream(List<TraceRequest> requests) {
            this.it = requests.iterator();
        }

        @Override
        public Instant traceStart() {
            return Instant.EPOCH;
        }

        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public TraceRequest next() {
            return it.next();
        }

        @Override
        public void close() {}
    }
}
