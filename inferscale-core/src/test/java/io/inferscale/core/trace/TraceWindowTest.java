package io.inferscale.core.trace;

import static io.inferscale.core.trace.TraceFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A windowed replay is exactly the full replay's requests inside the window: jitter and rounding
 * are keyed by position, so {@code --from/--to} never reshuffle what is kept.
 */
class TraceWindowTest {

    static Stream<Arguments> windows() {
        return Stream.of(
                window(
                        "azure-llm: from only",
                        TraceFixtures.AZURE,
                        TraceFormat.AZURE_LLM,
                        1,
                        Duration.ofSeconds(4),
                        null),
                window(
                        "azure-llm: to only",
                        TraceFixtures.AZURE,
                        TraceFormat.AZURE_LLM,
                        1,
                        null,
                        Duration.ofSeconds(5)),
                window(
                        "mooncake: mid-slot cut",
                        TraceFixtures.MOONCAKE,
                        TraceFormat.MOONCAKE,
                        1,
                        Duration.ofMillis(1500),
                        Duration.ofMillis(13500)),
                window(
                        "mooncake: scaled, from only",
                        TraceFixtures.MOONCAKE,
                        TraceFormat.MOONCAKE,
                        3,
                        Duration.ofMillis(4000),
                        null),
                window(
                        "per-minute: mid-minute cut, scaled",
                        TraceFixtures.PER_MINUTE,
                        TraceFormat.PER_MINUTE,
                        40,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(200)),
                window(
                        "per-minute: window inside an outage",
                        TraceFixtures.PER_MINUTE,
                        TraceFormat.PER_MINUTE,
                        40,
                        Duration.ofSeconds(130),
                        Duration.ofSeconds(170)),
                window(
                        "per-minute: window past the end",
                        TraceFixtures.PER_MINUTE,
                        TraceFormat.PER_MINUTE,
                        40,
                        Duration.ofHours(1),
                        Duration.ofHours(2)));
    }

    private static Arguments window(
            String name, Path file, TraceFormat format, double scale, Duration from, Duration to) {
        return Arguments.of(name, file, format, new TraceOptions(scale, 17, from, to));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void windowIsASubsequenceOfTheFullReplay(
            String name, Path file, TraceFormat format, TraceOptions window) {
        List<TraceRequest> full = readAll(file, format, window.withWindow(null, null));
        long from = window.fromNanos();
        long to = window.toNanos();
        // Windows are in unscaled trace time; the azure and mooncake arrivals are scaled,
        // per-minute ones are not.
        double timeScale = format == TraceFormat.PER_MINUTE ? 1.0 : window.scale();
        List<TraceRequest> expected =
                full.stream()
                        .filter(r -> inWindow(r.arrivalNanos() * timeScale, from, to))
                        .toList();

        assertThat(readAll(file, format, window)).isEqualTo(expected);
    }

    private static boolean inWindow(double unscaledNanos, long from, long to) {
        return unscaledNanos >= from && unscaledNanos < to;
    }
}
