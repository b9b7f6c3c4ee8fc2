package io.inferscale.core.scaling.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemandWindowsTest {
    private static final long S = 1_000_000_000L;

    @Test
    void nothingRecordedIsNoView() {
        assertThat(new DemandWindows().view(100 * S)).isNull();
    }

    @Test
    void averagesTheStableAndPanicWindowsSeparately() {
        DemandWindows w = new DemandWindows();
        for (int s = 1; s <= 60; s++) {
            // 54 quiet seconds at 10 in flight, then 6 busy ones at 70.
            w.record(s * S, s <= 54 ? 10 : 70, s <= 54 ? 5 : 35);
        }

        DemandView v = w.view(60 * S);

        assertThat(v.observedAtNanos()).isEqualTo(60 * S);
        assertThat(v.panicConcurrency()).isEqualTo(70);
        assertThat(v.stableConcurrency()).isEqualTo((54 * 10 + 6 * 70) / 60.0);
        assertThat(v.requestsPerSecond()).isEqualTo((54 * 5 + 6 * 35) / 60.0);
    }

    @Test
    void aFreshSeriesIsNotDilutedByTheSecondsItNeverSaw() {
        DemandWindows w = new DemandWindows();
        w.record(1 * S, 20, 10);
        w.record(2 * S, 20, 10);

        assertThat(w.view(2 * S).stableConcurrency()).isEqualTo(20);
    }

    @Test
    void samplesOlderThanTheStableWindowAreNoViewButTheAgeShowsBefore() {
        DemandWindows w = new DemandWindows();
        w.record(10 * S, 20, 10);

        assertThat(w.view(40 * S).observedAtNanos()).isEqualTo(10 * S);
        assertThat(w.view(40 * S).panicConcurrency()).isZero();
        assertThat(w.view(200 * S)).isNull();
    }

    @Test
    void wideBucketsForSlowerSamples() {
        DemandWindows w =
                new DemandWindows(
                        Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(5));
        for (int s = 5; s <= 60; s += 5) {
            w.record(s * S, 30, 15);
        }

        assertThat(w.view(60 * S).stableConcurrency()).isEqualTo(30);
    }

    @Test
    void rejectsNegativeOrInfiniteLoad() {
        DemandWindows w = new DemandWindows();

        assertThatThrownBy(() -> w.record(S, -1, 0)).hasMessageContaining("inFlight");
        assertThatThrownBy(() -> w.record(S, 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("requestsPerSecond");
    }
}
