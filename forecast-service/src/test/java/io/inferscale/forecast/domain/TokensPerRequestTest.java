package io.inferscale.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokensPerRequestTest {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    static DemandPoint minute(int m, long arrivals, long outputTokens) {
        return new DemandPoint(T0.plusSeconds(60L * m), 60, arrivals, 0, 0, outputTokens);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "tokens over arrivals, summed over the windows",
                        List.of(minute(0, 10, 1_000), minute(1, 30, 1_000)),
                        OptionalDouble.of(50.0)),
                Arguments.of(
                        "windows before the start are left out",
                        List.of(minute(-1, 100, 100_000), minute(0, 10, 200), minute(1, 10, 400)),
                        OptionalDouble.of(30.0)),
                Arguments.of(
                        "idle windows count: they have neither arrivals nor tokens",
                        List.of(minute(0, 0, 0), minute(1, 20, 500)),
                        OptionalDouble.of(25.0)),
                Arguments.of(
                        "no output tokens: not an LLM model, no ratio",
                        List.of(minute(0, 50, 0), minute(1, 50, 0)),
                        OptionalDouble.empty()),
                Arguments.of(
                        "fewer than 10 requests: no ratio",
                        List.of(minute(0, 4, 400), minute(1, 5, 500)),
                        OptionalDouble.empty()),
                Arguments.of(
                        "exactly 10 requests: a ratio",
                        List.of(minute(0, 4, 400), minute(1, 6, 500)),
                        OptionalDouble.of(90.0)),
                Arguments.of("no windows at all", List.of(), OptionalDouble.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ratio(String name, List<DemandPoint> points, OptionalDouble expected) {
        assertThat(TokensPerRequest.since(points, T0)).isEqualTo(expected);
    }
}
