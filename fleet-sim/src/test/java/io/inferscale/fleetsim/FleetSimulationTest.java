package io.inferscale.fleetsim;

import static io.inferscale.fleetsim.Sims.MS;
import static io.inferscale.fleetsim.Sims.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.core.routing.ReplicaChooser;
import io.inferscale.core.routing.ReplicaLoad;
import io.inferscale.core.trace.TraceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FleetSimulationTest {

    @Test
    void twoFixedServiceReplicasGiveHandComputedLatencies() {
        // rr: #1 -> r0 [0, 10], #2 -> r1 [1, 11], #3 -> r0 queued behind #1: [10, 20]
        SimSettings s =
                new SimSettings(
                        Sims.fixedService(10 * MS, 1),
                        List.of(1.0, 1.0),
                        1.0,
                        0,
                        Sims.NONE,
                        15 * MS,
                        1);
        RunResult r = Sims.sim(s, "rr", Sims.fixed(), Sims.at(0, MS, 2 * MS)).run();

        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.completed()).isEqualTo(3);
        assertThat(r.latencyMs().mean()).isCloseTo((10 + 10 + 18) / 3.0, within(1e-9));
        assertThat(r.latencyMs().p50()).isCloseTo(10, within(0.01));
        assertThat(r.latencyMs().p99()).isCloseTo(18, within(0.02));
        assertThat(r.ttftMs().mean()).isCloseTo(r.latencyMs().mean(), within(1e-9));
        assertThat(r.sloAttainment()).isCloseTo(2 / 3.0, within(1e-9)); // 18 ms > 15 ms
        assertThat(r.replicaSeconds()).isCloseTo(2 * 0.020, within(1e-12)); // both, 0..20 ms
    }

    @Test
    void routesThroughTheGivenChooserWithGatewayLoadUpdates() {
        List<Integer> inFlightSeen = new ArrayList<>();
        List<Integer> readySeen = new ArrayList<>();
        ReplicaChooser recording =
                (ready, request, random) -> {
                    readySeen.add(ready.size());
                    inFlightSeen.add(ready.get(1).inFlight());
                    return ready.get(1);
                };
        SimSettings s = Sims.settings(Sims.fixedService(10 * MS, 1), 3, 0);
        // three arrivals before the first completes, one after all are done
        FleetSimulation sim =
                Sims.sim(s, "fake", recording, Sims.fixed(), Sims.at(0, MS, 2 * MS, S));
        RunResult r = sim.run();

        assertThat(readySeen).containsExactly(3, 3, 3, 3);
        assertThat(inFlightSeen).containsExactly(0, 1, 2, 0);
        ReplicaLoad chosen = sim.fleet().all().get(1).load;
        assertThat(chosen.completed()).isEqualTo(4);
        assertThat(chosen.peakEwmaNanos()).isPositive(); // onComplete got the latencies
        assertThat(r.completed()).isEqualTo(4);
    }

    @Test
    void dropsArrivalsWhenNoReplicaIsReady() {
        SimSettings s = Sims.settings(Sims.fixedService(10 * MS, 1), 0, 0);
        RunResult r = Sims.sim(s, "p2c", Sims.fixed(), Sims.at(0, S, 2 * S)).run();

        assertThat(r.dropped()).isEqualTo(3);
        assertThat(r.completed()).isZero();
        assertThat(r.sloAttainment()).isZero();
        assertThat(r.replicaSeconds()).isZero();
    }

    @Test
    void addedReplicasServeOnlyAfterTheProvisioningDelay() {
        // decision at 1 s, 5 s cold start: ready at 6 s; arrivals every 0.5 s from 0 to 9.5 s
        SimSettings s = Sims.settings(Sims.fixedService(10 * MS, 1), 0, 5 * S);
        long[] times = new long[20];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 500 * MS;
        }
        FleetSimulation sim = Sims.sim(s, "rr", Sims.fixedTarget(S, 1), Sims.at(times));
        RunResult r = sim.run();

        SimReplica added = sim.fleet().all().get(0);
        assertThat(added.requestedAtNanos).isEqualTo(S);
        assertThat(added.readyAtNanos).isEqualTo(6 * S);
        assertThat(r.dropped()).isEqualTo(12); // 0 .. 5.5 s
        assertThat(r.completed()).isEqualTo(8);
        assertThat(r.scaleActions()).isEqualTo(1);
        // paid for from the decision (1 s) to the last completion (9.51 s)
        assertThat(r.replicaSeconds()).isCloseTo(8.51, within(1e-9));
    }

    @Test
    void scaleInDrainsAReplicaWhichFinishesItsRequestsThenLeaves() {
        // 10 s per request, one slot. #1 -> r0, #2 -> r1 (rr). At 1 s the target drops to 1:
        // both carry one request, so the newer (r1) drains; #3, #4 queue on r0.
        SimSettings s = Sims.settings(Sims.fixedService(10 * S, 1), 2, 0);
        FleetSimulation sim =
                Sims.sim(s, "rr", Sims.fixedTarget(S, 1), Sims.at(0, 500 * MS, 2 * S, 3 * S));
        RunResult r = sim.run();

        SimReplica r0 = sim.fleet().all().get(0);
        SimReplica r1 = sim.fleet().all().get(1);
        assertThat(r1.state).isEqualTo(SimReplica.State.GONE);
        assertThat(r1.load.completed()).isEqualTo(1); // nothing new after the drain began
        assertThat(r0.load.completed()).isEqualTo(3);
        assertThat(r.completed()).isEqualTo(4);
        assertThat(r.dropped()).isZero();
        // r0 serves until 30 s; r1 is paid for until its request ends at 10.5 s
        assertThat(r.replicaSeconds()).isCloseTo(30 + 10.5, within(1e-9));
        assertThat(r.scaleActions()).isEqualTo(1);
    }

    @Test
    void aSeedFixesTheWholeRun() {
        SimSettings s = Sims.settings(ReplicaConfig.simpleDefaults(), 4, 0);
        List<TraceRequest> arrivals = poisson(20_000, 600, 5);
        RunResult a = Sims.sim(s, "p2c", Sims.fixed(), arrivals).run();
        RunResult b = Sims.sim(s, "p2c", Sims.fixed(), arrivals).run();
        SimSettings other =
                new SimSettings(
                        s.replica(), s.initialSpeeds(), 1.0, 0, Sims.NONE, Sims.NONE, s.seed() + 1);
        RunResult c = Sims.sim(other, "p2c", Sims.fixed(), arrivals).run();

        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void balanceMetricsSeeAnUnevenFleet() {
        // everything to replica 0 of 2: utilisation (1, 0) -> efficiency 0.5, in-flight CV 1
        ReplicaChooser first = (ready, request, random) -> ready.get(0);
        SimSettings s = Sims.settings(Sims.fixedService(10 * S, 1), 2, 0);
        RunResult r = Sims.sim(s, "first", first, Sims.fixed(), Sims.at(0, MS)).run();

        assertThat(r.lbEfficiency()).isCloseTo(0.5, within(1e-9));
        assertThat(r.imbalanceCv()).isCloseTo(1.0, within(1e-9));
    }

    static List<TraceRequest> poisson(int n, double perSecond, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TraceRequest> out = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - random.nextDouble()) / perSecond;
            out.add(new TraceRequest(Math.round(t * 1e9), 0, 0, null));
        }
        return out;
    }
}
