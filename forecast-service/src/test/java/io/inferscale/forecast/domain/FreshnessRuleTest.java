package io.inferscale.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.core.forecast.DemandSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FreshnessRuleTest {
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final double X = Double.NaN;
    // 3 minutes of input age allowed; more than 2 missing of the last 5 steps is a gap.
    static final FreshnessRule RULE = new FreshnessRule(Duration.ofMinutes(3), 5, 2);

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("fresh and complete", s(5, 5, 5, 5, 5, 5), 6 + 1, 6, false, null),
                arguments(
                        "exactly at the age limit is still fresh",
                        s(5, 5, 5, 5, 5, 5),
                        6 + 3,
                        6,
                        false,
                        null),
                arguments(
                        "older than the limit is stale",
                        s(5, 5, 5, 5, 5, 5),
                        6 + 4,
                        6,
                        true,
                        "stale input"),
                arguments(
                        "missing steps at the end move the origin back and age the input",
                        s(5, 5, 5, 5, X, X, X, X),
                        8 + 1,
                        4,
                        true,
                        "stale input"),
                arguments(
                        "two holes in the tail are tolerated",
                        s(5, 5, 5, X, 5, X, 5),
                        7,
                        7,
                        false,
                        null),
                arguments(
                        "three holes in the tail are a gap",
                        s(5, 5, X, X, 5, X, 5),
                        7,
                        7,
                        true,
                        "3 of the last 5 steps"),
                arguments(
                        "holes before the tail do not count",
                        s(X, X, X, X, 5, 5, 5, 5, 5),
                        9,
                        9,
                        false,
                        null),
                arguments(
                        "a history shorter than the tail is a gap",
                        s(5, 5),
                        2,
                        2,
                        true,
                        "3 of the last 5 steps"),
                arguments(
                        "stale and gappy says both",
                        s(5, X, X, X, 5),
                        5 + 10,
                        5,
                        true,
                        "stale input: the newest demand window ended 10m ago"),
                arguments("no data at all", s(X, X, X), 3, -1, true, "no demand data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assesses(
            String name,
            DemandSeries series,
            int nowMinute,
            int wantOriginMinute,
            boolean wantDegraded,
            String wantReason) {
        InputFreshness f = RULE.assess(series, START.plus(Duration.ofMinutes(nowMinute)));
        assertThat(f.degraded()).isEqualTo(wantDegraded);
        if (wantOriginMinute < 0) {
            assertThat(f.hasData()).isFalse();
        } else {
            assertThat(f.origin()).isEqualTo(START.plus(Duration.ofMinutes(wantOriginMinute)));
            assertThat(f.inputAge()).isEqualTo(Duration.ofMinutes(nowMinute - wantOriginMinute));
        }
        if (wantReason == null) {
            assertThat(f.reason()).isNull();
        } else {
            assertThat(f.reason()).contains(wantReason);
        }
        if (name.contains("both")) {
            assertThat(f.problems()).hasSize(2);
        }
    }

    private static DemandSeries s(double... v) {
        return new DemandSeries(START, Duration.ofMinutes(1), Arrays.copyOf(v, v.length));
    }
}
