package io.inferscale.fleetsim;

import io.inferscale.core.replica.InferenceRequest;
import io.inferscale.core.replica.ReplicaEvents;
import io.inferscale.core.routing.ReplicaChooser;
import io.inferscale.core.routing.ReplicaLoad;
import io.inferscale.core.routing.RoutingRequest;
import io.inferscale.core.scaling.LoadSample;
import io.inferscale.core.scaling.ReplicaAutoscaler;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One discrete-event run in virtual time: trace arrivals -> the production {@link ReplicaChooser}
 * over the gateway's {@link ReplicaLoad}s -> {@link io.inferscale.core.replica.ReplicaModel}s ->
 * the production {@link ReplicaAutoscaler}, acting with a provisioning delay.
 *
 * <p>Three sources of events, merged by time: the next trace arrival (read lazily), the replica
 * with the earliest model event ({@link ReplicaHeap}: replicas advance only when they have
 * something to do) and the simulator's timers. Equal times resolve replicas first (a response due
 * at t is seen before a request arriving at t, as the gateway would), then timers in scheduling
 * order, then the arrival; replicas tie by ordinal. So a seed fixes the whole run.
 *
 * <p>Gateway-side state is updated exactly as the gateway does: {@link ReplicaLoad#onStart()} when
 * a request is routed, {@link ReplicaLoad#onComplete} with the end-to-end latency when it ends.
 */
final class FleetSimulation {

    private static final String MODEL = "model";

    private final SimSettings settings;
    private final String lbName;
    private final ReplicaChooser chooser;
    private final ReplicaAutoscaler scaler;
    private final ArrivalCursor arrivals;
    private final SplittableRandom random;
    private final ReplicaHeap heap = new ReplicaHeap();
    private final Fleet fleet;
    private final Timers timers = new Timers();
    private final RequestTable requests = new RequestTable();
    private final RunMetrics metrics;
    private final BalanceSampler balance = new BalanceSampler();
    private final Events events = new Events();
    private final RoutingRequest unsized = RoutingRequest.of(MODEL);
    private int arrivalsThisSecond;
    private int lastDesired = -1;
    private long scaleActions;
    private long now;

    FleetSimulation(
            SimSettings settings,
            String lbName,
            ReplicaChooser chooser,
            ReplicaAutoscaler scaler,
            ArrivalCursor arrivals) {
        this.settings = settings;
        this.lbName = lbName;
        this.chooser = chooser;
        this.scaler = scaler;
        this.arrivals = arrivals;
        this.random = new SplittableRandom(SeedMix.mix(settings.seed(), -1));
        this.fleet = new Fleet(settings.replica(), settings.seed(), heap);
        this.metrics = new RunMetrics(settings.sloTtftNanos(), settings.sloLatencyNanos());
    }

    RunResult run() {
        if (!arrivals.advance()) {
            return result(0);
        }
        long start = arrivals.time;
        now = start;
        for (double speed : settings.initialSpeeds()) {
            fleet.markReady(fleet.provision(speed, start), start);
        }
        lastDesired = fleet.active();
        timers.schedule(start + SimSettings.SAMPLE_NANOS, Timers.Kind.SECOND, null);
        timers.schedule(start + scaler.tickNanos(), Timers.Kind.DECIDE, null);
        long end = start;
        while (true) {
            long arrivalAt = arrivals.time;
            long replicaAt = heap.peekTime();
            long timerAt = timers.peekTime();
            if (replicaAt <= arrivalAt && replicaAt <= timerAt && replicaAt != Long.MAX_VALUE) {
                now = replicaAt;
                end = replicaAt;
                replicaEvent(heap.peek());
            } else if (arrivalAt == Long.MAX_VALUE && requests.inFlight() == 0) {
                break;
            } else if (timerAt <= arrivalAt) {
                now = timerAt;
                timer(timers.poll());
            } else {
                now = arrivalAt;
                end = arrivalAt;
                arrival();
                arrivals.advance();
            }
        }
        arrivals.close();
        return result(end);
    }

    private void replicaEvent(SimReplica r) {
        r.model.advanceTo(now, events);
        heap.update(r);
        if (r.state == SimReplica.State.DRAINING) {
            fleet.retireIfIdle(r, now);
        }
    }

    private void arrival() {
        metrics.requests++;
        arrivalsThisSecond++;
        List<ReplicaLoad> ready = fleet.readyLoads();
        if (ready.isEmpty()) {
            metrics.dropped++; // the gateway answers 503: no ready replica
            return;
        }
        long[] hashes = arrivals.prefixHashes;
        RoutingRequest routing =
                hashes.length == 0 && arrivals.promptTokens == 0
                        ? unsized
                        : new RoutingRequest(MODEL, arrivals.promptTokens, hashes);
        ReplicaLoad chosen = chooser.choose(ready, routing, random);
        SimReplica r = fleet.replicaOf(chosen);
        chosen.onStart();
        int id = requests.add(now, r);
        r.model.advanceTo(now, events);
        r.model.submit(
                new InferenceRequest(id, arrivals.promptTokens, arrivals.outputTokens, hashes),
                now);
        r.model.advanceTo(now, events); // admission (or rejection) happens at once
        heap.update(r);
    }

    private void timer(Timers.Timer t) {
        switch (t.kind()) {
            case SECOND -> {
                balance.sample(fleet.ready());
                observe();
                arrivalsThisSecond = 0;
                timers.schedule(now + SimSettings.SAMPLE_NANOS, Timers.Kind.SECOND, null);
            }
            case DECIDE -> {
                decide();
                timers.schedule(now + scaler.tickNanos(), Timers.Kind.DECIDE, null);
            }
            case READY -> fleet.markReady(t.replica(), now);
        }
    }

    /** The autoscaler's metrics sample: in flight on the ready replicas, arrivals last second. */
    private void observe() {
        List<SimReplica> ready = fleet.ready();
        int inFlight = 0;
        for (int i = 0; i < ready.size(); i++) {
            inFlight += ready.get(i).load.inFlight();
        }
        double perSecond = arrivalsThisSecond * 1e9 / SimSettings.SAMPLE_NANOS;
        scaler.observe(now, new LoadSample(inFlight, perSecond, ready.size()));
    }

    private void decide() {
        int desired = scaler.decide(now, fleet.active(), fleet.ready().size()).desiredReplicas();
        if (desired != lastDesired) {
            scaleActions++;
            lastDesired = desired;
        }
        for (SimReplica r : fleet.resize(desired, settings.newReplicaSpeed(), now)) {
            timers.schedule(now + settings.provisioningDelayNanos(), Timers.Kind.READY, r);
        }
    }

    private RunResult result(long end) {
        long requested = fleet.prefixBlocksRequested();
        return new RunResult(
                lbName,
                scaler.name(),
                metrics.requests,
                metrics.completed,
                metrics.dropped,
                metrics.failed,
                metrics.latencyMs(),
                metrics.ttftMs(),
                metrics.sloAttainment(),
                fleet.replicaSeconds(end),
                balance.lbEfficiency(),
                balance.imbalanceCv(),
                requested == 0 ? 0.0 : fleet.prefixBlocksHit() / (double) requested,
                scaleActions);
    }

    /** For tests: the fleet as it ended. */
    Fleet fleet() {
        return fleet;
    }

    /**
     * Replica model events. They only record: calling back into a model from here is not allowed.
     */
    private final class Events implements ReplicaEvents {
        @Override
        public void firstToken(long requestId, long atNanos) {
            requests.firstToken((int) requestId, atNanos);
        }

        @Override
        public void completed(long requestId, long atNanos, boolean error) {
            int id = (int) requestId;
            SimReplica r = requests.replica(id);
            long arrival = requests.arrival(id);
            long latency = atNanos - arrival;
            r.load.onComplete(atNanos, latency, !error);
            if (error) {
                metrics.failed++;
            } else {
                metrics.completed(latency, requests.firstToken(id) - arrival);
            }
            requests.free(id);
        }
    }
}
