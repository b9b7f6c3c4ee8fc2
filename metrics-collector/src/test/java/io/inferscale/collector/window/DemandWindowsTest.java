package io.inferscale.collector.window;

import static io.inferscale.collector.window.WindowFeed.T0;
import static io.inferscale.collector.window.WindowFeed.arrive;
import static io.inferscale.collector.window.WindowFeed.at;
import static io.inferscale.collector.window.WindowFeed.ok;
import static io.inferscale.collector.window.WindowFeed.request;
import static io.inferscale.collector.window.WindowFeed.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.window.ClosedWindow;
import io.inferscale.collector.domain.window.DemandWindows;
import io.inferscale.collector.domain.window.WindowSettings;
import io.inferscale.collector.domain.window.WindowTotals;
import io.inferscale.collector.window.WindowFeed.Step;
import io.inferscale.contracts.RequestOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where records land: arrivals by start, completions by finish, in-flight by overlap, late records
 * in the window open when they arrive. Windows of 1 s, 10 s and 60 s with a 5 s allowance and 2 s
 * of clock skew; times are seconds after {@link WindowFeed#T0}.
 */
class DemandWindowsTest {
    static final WindowSettings SETTINGS =
            new WindowSettings(
                    List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60)),
                    Duration.ofSeconds(5),
                    Duration.ZERO,
                    Duration.ofSeconds(2));

    /** One expected window: its size and start, and what it must have counted. */
    record Want(
            int seconds,
            double startS,
            long arrivals,
            long completions,
            long errors,
            double inFlight,
            long late) {
        String key() {
            return seconds + "s@" + startS;
        }
    }

    static Want w(int seconds, double startS, long arrivals, long completions, double inFlight) {
        return new Want(seconds, startS, arrivals, completions, 0, inFlight, 0);
    }

    static Want late(int seconds, double startS, long arrivals, long completions, long late) {
        return new Want(seconds, startS, arrivals, completions, 0, -1, late);
    }

    static Stream<Arguments> placement() {
        return Stream.of(
                arguments(
                        "in order: arrivals by start, completions and errors by finish",
                        0.0,
                        List.of(
                                ok("m", 0.2, 0.8),
                                ok("m", 1.5, 2.5),
                                arrive(
                                        3.5,
                                        request(
                                                "m",
                                                "r1",
                                                3.0,
                                                3.5,
                                                RequestOutcome.UPSTREAM_ERROR,
                                                null)),
                                tick(100)),
                        List.of(
                                w(1, 0, 1, 1, 0.6),
                                w(1, 1, 1, 0, 0.5),
                                w(1, 2, 0, 1, 0.5),
                                new Want(1, 3, 1, 1, 1, 0.5, 0),
                                new Want(10, 0, 3, 3, 1, 0.21, 0),
                                new Want(60, 0, 3, 3, 1, 2.1 / 60, 0))),
                arguments(
                        "out of order within the allowance lands in its own window",
                        0.0,
                        List.of(
                                ok("m", 0.1, 0.5),
                                ok("m", 5.0, 5.2),
                                arrive(5.8, request("m", "r1", 0.2, 0.9, RequestOutcome.OK, null)),
                                tick(100)),
                        List.of(w(1, 0, 2, 2, 1.1), w(1, 5, 1, 1, 0.2), w(10, 0, 3, 3, 0.13))),
                arguments(
                        "later than the allowance: counted late in the window open on arrival",
                        0.0,
                        List.of(
                                ok("m", 0.1, 0.5),
                                ok("m", 7.0, 7.5),
                                arrive(7.6, request("m", "r1", 0.2, 0.9, RequestOutcome.OK, null)),
                                tick(100)),
                        List.of(
                                late(1, 0, 1, 1, 0),
                                late(1, 7, 1, 1, 1),
                                late(10, 0, 3, 3, 0),
                                late(60, 0, 3, 3, 0))),
                arguments(
                        "a request spanning windows adds its overlap to each one's in-flight",
                        0.0,
                        List.of(ok("m", 0.5, 2.5), tick(100)),
                        List.of(
                                w(1, 0, 1, 0, 0.5),
                                w(1, 1, 0, 0, 1.0),
                                w(1, 2, 0, 1, 0.5),
                                w(10, 0, 1, 1, 0.2))),
                arguments(
                        "a request longer than the allowance: arrival late, the rest still counted",
                        0.0,
                        List.of(ok("m", 0.0, 20.0), tick(100)),
                        List.of(
                                w(1, 15, 0, 0, 1.0),
                                w(1, 19, 0, 0, 1.0),
                                late(1, 20, 0, 1, 1),
                                w(10, 10, 0, 0, 1.0),
                                late(10, 20, 0, 1, 1),
                                w(60, 0, 1, 1, 20.0 / 60))),
                arguments(
                        "event time beyond the clock skew: counted late, opens no future window",
                        0.0,
                        List.of(
                                ok("m", 0.1, 0.5),
                                arrive(1.0, request("m", "r1", 50, 50.5, RequestOutcome.OK, null)),
                                tick(200)),
                        List.of(
                                late(1, 0, 1, 1, 0),
                                late(1, 1, 0, 0, 1),
                                late(10, 0, 1, 1, 1),
                                late(60, 0, 1, 1, 1))),
                arguments(
                        "before the horizon: already counted by the previous owner, not late",
                        10.0,
                        List.of(ok("m", 5, 6), ok("m", 9.5, 10.5), tick(200)),
                        List.of(
                                new Want(1, 10, 0, 1, 0, 0.5, 0),
                                new Want(10, 10, 0, 1, 0, 0.05, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placement")
    void placesRecordsInTheirWindows(
            String name, double horizonS, List<Step> steps, List<Want> want) {
        List<ClosedWindow> closed =
                WindowFeed.run(new DemandWindows(SETTINGS, at(horizonS)), steps);

        Map<String, ClosedWindow> byKey =
                closed.stream()
                        .collect(Collectors.toMap(DemandWindowsTest::key, Function.identity()));
        assertThat(byKey).as("every window is emitted once").hasSize(closed.size());
        for (Want x : want) {
            assertThat(byKey).as("emitted windows").containsKey(x.key());
            WindowTotals t = byKey.get(x.key()).totals();
            assertThat(t.arrivals()).as(x.key() + " arrivals").isEqualTo(x.arrivals());
            assertThat(t.completions()).as(x.key() + " completions").isEqualTo(x.completions());
            assertThat(t.errors()).as(x.key() + " errors").isEqualTo(x.errors());
            assertThat(t.lateRecords()).as(x.key() + " late").isEqualTo(x.late());
            if (x.inFlight() >= 0) {
                assertThat(t.inFlight())
                        .as(x.key() + " inFlight")
                        .isCloseTo(x.inFlight(), within(1e-9));
            }
        }
        if (horizonS > 0) {
            assertThat(closed)
                    .as("nothing before the horizon is emitted again")
                    .allMatch(c -> !c.start().isBefore(at(horizonS)));
        }
    }

    static Stream<Arguments> closing() {
        return Stream.of(
                arguments("1 s window, just before end + allowance", 5.999, List.of()),
                arguments("1 s window, at end + allowance", 6.0, List.of("1s@0.0")),
                arguments(
                        "10 s window waits for its own end + allowance", 14.999, List.of("1s@0.0")),
                arguments("10 s window at 15 s", 15.0, List.of("1s@0.0", "10s@0.0")),
                arguments("60 s window at 65 s", 65.0, List.of("1s@0.0", "10s@0.0", "60s@0.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closing")
    void closesAWindowWhenTheClockPassesItsEndPlusTheAllowance(
            String name, double clockS, List<String> want) {
        List<ClosedWindow> closed =
                WindowFeed.run(
                        new DemandWindows(SETTINGS, T0), List.of(ok("m", 0.2, 0.4), tick(clockS)));
        assertThat(closed).map(DemandWindowsTest::key).containsExactlyElementsOf(want);
    }

    static Stream<Arguments> quantiles() {
        return Stream.of(
                arguments("latency 1..100 ms, no TTFT", false, 50.0, 90.0, 99.0),
                arguments("latency 1..100 ms with TTFT of a tenth", true, 50.0, 90.0, 99.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quantiles")
    void reportsQuantilesWithinOnePercent(
            String name, boolean withTtft, double p50, double p90, double p99) {
        DemandWindows engine = new DemandWindows(SETTINGS, T0);
        for (int ms = 1; ms <= 100; ms++) {
            double end = 0.5;
            engine.add(
                    WindowFeed.withLatency(
                            request(
                                    "m",
                                    "r1",
                                    end - ms / 1000.0,
                                    end,
                                    RequestOutcome.OK,
                                    withTtft ? ms / 10.0 : null),
                            ms),
                    WindowFeed.millis(end));
        }
        engine.advanceTo(WindowFeed.millis(100));
        WindowTotals t =
                engine.drainClosed().stream()
                        .filter(c -> c.seconds() == 1 && c.start().equals(T0))
                        .findFirst()
                        .orElseThrow()
                        .totals();
        assertThat(t.latencyMs().p50()).isCloseTo(p50, within(p50 * 0.01));
        assertThat(t.latencyMs().p90()).isCloseTo(p90, within(p90 * 0.01));
        assertThat(t.latencyMs().p99()).isCloseTo(p99, within(p99 * 0.01));
        if (withTtft) {
            assertThat(t.ttftMs().p90()).isCloseTo(p90 / 10, within(p90 / 10 * 0.01));
            assertThat(t.ttftSamples()).isEqualTo(100);
        } else {
            assertThat(t.ttftMs()).as("no TTFT is null, not zero").isNull();
        }
    }

    static String key(ClosedWindow c) {
        return c.seconds() + "s@" + (c.start().toEpochMilli() - T0.toEpochMilli()) / 1000.0;
    }
}
