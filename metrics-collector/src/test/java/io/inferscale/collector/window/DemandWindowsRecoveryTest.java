package io.inferscale.collector.window;

import static io.inferscale.collector.window.WindowFeed.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.window.ClosedWindow;
import io.inferscale.collector.domain.window.DemandWindows;
import io.inferscale.collector.domain.window.WindowSettings;
import io.inferscale.collector.domain.window.WindowTotals;
import io.inferscale.collector.window.SyntheticLog.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A new owner of a shard (after a restart or a rebalance) starts from the previous owner's
 * watermark, rebuilds the open windows by re-reading the log from {@code watermark - openSpan -
 * replayLead}, and must then emit exactly what an uninterrupted owner would have: no window lost,
 * none changed, nothing counted twice.
 */
class DemandWindowsRecoveryTest {
    static final WindowSettings SETTINGS =
            new WindowSettings(
                    List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60)),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(5));

    /** The log starts at T0 on an empty topic: nothing was emitted before. */
    static final Instant FRESH = T0.minusSeconds(3600);

    static Stream<Arguments> crashes() {
        return Stream.of(
                arguments("crash early, before any 60 s window closed", 0.05),
                arguments("crash mid-stream", 0.5),
                arguments("crash near the end", 0.93),
                arguments("crash right after the first record", 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashes")
    void replayingFromTheCommittedWatermarkLosesAndChangesNothing(String name, double crashAt) {
        List<Entry> log = SyntheticLog.generate(7, T0, 300, 60, 5, 45);
        Map<String, ClosedWindow> uninterrupted = byKey(runAll(log));

        // The first owner processes up to the crash; what it emitted is on the demand topic.
        int crash = (int) (crashAt * (log.size() - 1));
        DemandWindows first = new DemandWindows(SETTINGS, FRESH);
        List<ClosedWindow> emitted = new ArrayList<>();
        for (Entry e : log.subList(0, crash + 1)) {
            first.add(e.record(), e.arrivalMillis());
            emitted.addAll(first.drainClosed());
        }
        long committedWatermark = first.watermark();

        // The next owner seeks back by time and replays the log from there.
        Instant horizon = Instant.ofEpochMilli(committedWatermark).minus(SETTINGS.openSpan());
        long seekTo = horizon.minus(SETTINGS.replayLead()).toEpochMilli();
        DemandWindows second = new DemandWindows(SETTINGS, horizon);
        List<ClosedWindow> reEmitted = new ArrayList<>();
        for (Entry e : log) {
            if (e.arrivalMillis() >= seekTo) {
                second.add(e.record(), e.arrivalMillis());
                reEmitted.addAll(second.drainClosed());
            }
        }
        second.advanceTo(log.get(log.size() - 1).arrivalMillis() + 600_000);
        reEmitted.addAll(second.drainClosed());

        Map<String, ClosedWindow> reBuilt = byKey(reEmitted);
        assertThat(reBuilt.values())
                .as("every re-emitted window equals the uninterrupted one")
                .allSatisfy(w -> assertThat(w).isEqualTo(uninterrupted.get(key(w))));
        Map<String, ClosedWindow> seen = new LinkedHashMap<>(byKey(emitted));
        seen.putAll(reBuilt);
        // Zeros after a model went quiet are best effort across a handover: the new owner only
        // knows a model was active if it re-read one of its records.
        assertThat(seen.keySet())
                .as("every window with data was emitted by one owner or the other")
                .containsAll(
                        uninterrupted.values().stream()
                                .filter(w -> !w.totals().equals(WindowTotals.EMPTY))
                                .map(DemandWindowsRecoveryTest::key)
                                .toList());
        assertThat(byKey(emitted).values())
                .as("the first owner's windows were complete when it emitted them")
                .allSatisfy(w -> assertThat(w).isEqualTo(uninterrupted.get(key(w))));
    }

    static List<ClosedWindow> runAll(List<Entry> log) {
        DemandWindows engine = new DemandWindows(SETTINGS, FRESH);
        List<ClosedWindow> out = new ArrayList<>();
        for (Entry e : log) {
            engine.add(e.record(), e.arrivalMillis());
            out.addAll(engine.drainClosed());
        }
        engine.advanceTo(log.get(log.size() - 1).arrivalMillis() + 600_000);
        out.addAll(engine.drainClosed());
        return out;
    }

    static Map<String, ClosedWindow> byKey(List<ClosedWindow> windows) {
        Map<String, ClosedWindow> m = new LinkedHashMap<>();
        for (ClosedWindow w : windows) {
            assertThat(m.put(key(w), w)).as("emitted twice by one owner: " + key(w)).isNull();
        }
        return m;
    }

    static String key(ClosedWindow w) {
        return w.model() + "/" + w.seconds() + "/" + w.start();
    }
}
