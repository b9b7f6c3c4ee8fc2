package io.inferscale.collector.window;

import static io.inferscale.collector.window.WindowFeed.T0;
import static io.inferscale.collector.window.WindowFeed.ok;
import static io.inferscale.collector.window.WindowFeed.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.window.ClosedWindow;
import io.inferscale.collector.domain.window.DemandWindows;
import io.inferscale.collector.domain.window.ReplicaWindow;
import io.inferscale.collector.domain.window.WindowSettings;
import io.inferscale.collector.domain.window.WindowTotals;
import io.inferscale.collector.window.SyntheticLog.Entry;
import io.inferscale.contracts.RequestOutcome;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the engine keeps: only open windows, quiet models forgotten, no record unaccounted for. */
class DemandWindowsStateTest {

    static WindowSettings settings(Duration allowance, Duration idle) {
        return new WindowSettings(
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60)),
                allowance,
                idle,
                Duration.ofSeconds(5));
    }

    static Stream<Arguments> streams() {
        return Stream.of(
                arguments("short requests, 30 s allowance", Duration.ofSeconds(30), 2.0),
                arguments(
                        "long requests, many later than a 5 s allowance",
                        Duration.ofSeconds(5),
                        60.0),
                arguments("no allowance at all", Duration.ZERO, 10.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void keepsOnlyOpenWindowsAndAccountsForEveryRecord(
            String name, Duration allowance, double maxDurationS) {
        WindowSettings settings = settings(allowance, Duration.ofSeconds(30));
        int models = 8;
        List<Entry> log = SyntheticLog.generate(11, T0, 900, 40, models, maxDurationS);
        DemandWindows engine = new DemandWindows(settings, T0.minusSeconds(3600));
        long arrivals1s = 0;
        long late1s = 0;
        long completions60s = 0;
        long late60s = 0;
        int maxOpen = 0;
        for (Entry e : log) {
            engine.add(e.record(), e.arrivalMillis());
            maxOpen = Math.max(maxOpen, engine.openWindows());
            for (ClosedWindow w : engine.drainClosed()) {
                if (w.seconds() == 1) {
                    arrivals1s += w.totals().arrivals();
                    late1s += w.totals().lateRecords();
                } else if (w.seconds() == 60) {
                    completions60s += w.totals().completions();
                    late60s += w.totals().lateRecords();
                }
            }
        }
        engine.advanceTo(log.get(log.size() - 1).arrivalMillis() + 3_600_000);
        for (ClosedWindow w : engine.drainClosed()) {
            if (w.seconds() == 1) {
                arrivals1s += w.totals().arrivals();
                late1s += w.totals().lateRecords();
            } else if (w.seconds() == 60) {
                completions60s += w.totals().completions();
                late60s += w.totals().lateRecords();
            }
        }

        assertThat(arrivals1s + late1s)
                .as("each record is an arrival in its window or late, never dropped")
                .isEqualTo(log.size());
        assertThat(completions60s + late60s).isGreaterThanOrEqualTo(log.size());
        long perModel =
                (allowance.toSeconds() + 5) / 1
                        + 3
                        + (allowance.toSeconds() + 5) / 10
                        + 3
                        + (allowance.toSeconds() + 5) / 60
                        + 3;
        assertThat(maxOpen)
                .as("open windows stay within the ring bound (%d per model)", perModel)
                .isLessThanOrEqualTo((int) (models * perModel));
        assertThat(engine.openWindows()).isZero();
        assertThat(engine.models()).as("quiet models are forgotten").isZero();
    }

    @Test
    void fillsQuietWindowsWithZerosWhileTheModelIsActiveThenForgetsIt() {
        DemandWindows engine =
                new DemandWindows(settings(Duration.ofSeconds(5), Duration.ofSeconds(3)), T0);
        List<ClosedWindow> closed =
                WindowFeed.run(engine, List.of(ok("m", 0.2, 0.5), ok("m", 4.1, 4.6), tick(100)));

        List<String> oneSecond =
                closed.stream()
                        .filter(w -> w.seconds() == 1)
                        .map(w -> DemandWindowsTest.key(w) + "=" + w.totals().arrivals())
                        .toList();
        assertThat(oneSecond)
                .containsExactly(
                        "1s@0.0=1",
                        "1s@1.0=0",
                        "1s@2.0=0",
                        "1s@3.0=0",
                        "1s@4.0=1",
                        "1s@5.0=0",
                        "1s@6.0=0",
                        "1s@7.0=0");
        assertThat(closed.stream().filter(w -> w.totals().equals(WindowTotals.EMPTY)))
                .allSatisfy(w -> assertThat(w.totals().latencyMs()).isNull());
        assertThat(engine.models()).isZero();
    }

    @Test
    void splitsRollupWindowsByReplica() {
        DemandWindows engine =
                new DemandWindows(settings(Duration.ofSeconds(5), Duration.ZERO), T0);
        List<ClosedWindow> closed =
                WindowFeed.run(
                        engine,
                        List.of(
                                WindowFeed.arrive(
                                        2,
                                        WindowFeed.request(
                                                "m", "r1", 1, 2, RequestOutcome.OK, 50.0)),
                                WindowFeed.arrive(
                                        3,
                                        WindowFeed.request(
                                                "m", "r2", 1, 3, RequestOutcome.TIMEOUT, null)),
                                WindowFeed.arrive(
                                        4,
                                        WindowFeed.request(
                                                "m", null, 3, 4, RequestOutcome.NO_REPLICA, null)),
                                tick(100)));

        ClosedWindow minute =
                closed.stream().filter(w -> w.seconds() == 60).findFirst().orElseThrow();
        assertThat(minute.totals().completions()).isEqualTo(3);
        assertThat(minute.replicas())
                .extracting(ReplicaWindow::replicaId)
                .containsExactly("r1", "r2");
        WindowTotals r2 = minute.replicas().get(1).totals();
        assertThat(r2.completions()).isEqualTo(1);
        assertThat(r2.errors()).isEqualTo(1);
        assertThat(r2.inFlight()).isEqualTo(2.0 / 60);
        assertThat(closed.stream().filter(w -> w.seconds() != 60))
                .allSatisfy(w -> assertThat(w.replicas()).isEmpty());
    }
}
