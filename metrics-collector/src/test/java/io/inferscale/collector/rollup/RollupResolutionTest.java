package io.inferscale.collector.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.SeriesQuery;
import io.inferscale.collector.domain.rollup.RollupResolution;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RollupResolutionTest {
    static final Instant T = Instant.parse("2026-11-25T10:17:42.500Z");

    static Stream<Arguments> steps() {
        return Stream.of(
                arguments("30 s: raw rows", Duration.ofSeconds(30), null),
                arguments("90 s: not whole minutes, raw rows", Duration.ofSeconds(90), null),
                arguments("1 min: minute rows", Duration.ofMinutes(1), RollupResolution.MINUTE),
                arguments("5 min: minute rows", Duration.ofMinutes(5), RollupResolution.MINUTE),
                arguments("90 min: minute rows", Duration.ofMinutes(90), RollupResolution.MINUTE),
                arguments("1 h: hour rows", Duration.ofHours(1), RollupResolution.HOUR),
                arguments("1 day: hour rows", Duration.ofDays(1), RollupResolution.HOUR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void picksTheCoarsestRowsThatDivideTheStep(String name, Duration step, RollupResolution want) {
        assertThat(RollupResolution.forStep(step)).isEqualTo(Optional.ofNullable(want));
    }

    static Stream<Arguments> alignment() {
        return Stream.of(
                arguments(
                        "minutes",
                        RollupResolution.MINUTE,
                        "2026-11-25T10:17:00Z",
                        "2026-11-25T11:18:00Z"),
                arguments(
                        "hours",
                        RollupResolution.HOUR,
                        "2026-11-25T10:00:00Z",
                        "2026-11-25T12:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alignment")
    void widensTheRangeToWholeRows(String name, RollupResolution r, String from, String to) {
        SeriesQuery q = r.align(new SeriesQuery("m", T, T.plusSeconds(3600), r.rowLength()));
        assertThat(q.from()).isEqualTo(Instant.parse(from));
        assertThat(q.to()).isEqualTo(Instant.parse(to));
    }

    static Stream<Arguments> settled() {
        return Stream.of(
                // 10:17:42.5 - 30 s = 10:17:12.5: the minute 10:16 closed at 10:17:30, so it is
                // final.
                arguments(
                        "minutes, 30 s allowance",
                        RollupResolution.MINUTE,
                        30,
                        "2026-11-25T10:17:00Z"),
                // 10:17:42.5 - 50 s = 10:16:52.5: the minute 10:16 closes at 10:17:50, not yet.
                arguments(
                        "minutes, 50 s allowance",
                        RollupResolution.MINUTE,
                        50,
                        "2026-11-25T10:16:00Z"),
                arguments("hours", RollupResolution.HOUR, 30, "2026-11-25T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settled")
    void rowsBeforeTheLastClosedMinuteAreFinal(
            String name, RollupResolution r, int allowanceSeconds, String want) {
        assertThat(r.settledBefore(T, Duration.ofSeconds(allowanceSeconds)))
                .isEqualTo(Instant.parse(want));
    }
}
