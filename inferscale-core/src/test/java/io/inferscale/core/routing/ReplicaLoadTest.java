package io.inferscale.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReplicaLoadTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void tracksInFlightAndConsecutiveFailures() {
        ReplicaLoad r = new ReplicaLoad("r", "http://h:1");
        r.onStart();
        r.onStart();
        assertThat(r.inFlight()).isEqualTo(2);
        r.onComplete(1 * S, 10 * MS, false);
        r.onComplete(2 * S, 10 * MS, false);
        assertThat(r.inFlight()).isZero();
        assertThat(r.consecutiveFailures()).isEqualTo(2);
        r.onStart();
        r.onComplete(3 * S, 10 * MS, true);
        assertThat(r.consecutiveFailures()).isZero();
        assertThat(r.completed()).isEqualTo(3);
    }

    @Test
    void peakEwmaJumpsToASlowResponseAndDecaysTowardsFastOnes() {
        ReplicaLoad r = new ReplicaLoad("r", "http://h:1", 10 * S);
        r.onStart();
        r.onComplete(1 * S, 100 * MS, true);
        assertThat(r.peakEwmaNanos()).isEqualTo(100 * MS);
        r.onStart();
        r.onComplete(2 * S, 900 * MS, true);
        assertThat(r.peakEwmaNanos()).isEqualTo(900 * MS); // peak: no smoothing upwards
        r.onStart();
        r.onComplete(
                12 * S, 100 * MS, true); // one decay constant later: weight e^-1 on the old value
        double want = 900 * MS * Math.exp(-1) + 100 * MS * (1 - Math.exp(-1));
        assertThat(r.peakEwmaNanos()).isCloseTo(want, within(1.0));
    }
}
