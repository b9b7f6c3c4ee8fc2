package io.inferscale.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TraceOffsetsTest {
    private static final Instant NASA_START = Instant.parse("1995-07-01T04:00:00Z");

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("90s", Duration.ofSeconds(90)),
                Arguments.of("25m", Duration.ofMinutes(25)),
                Arguments.of("2h", Duration.ofHours(2)),
                Arguments.of("14d", Duration.ofDays(14)),
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("1h30m", Duration.ofMinutes(90)),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of(" 3m ", Duration.ofMinutes(3)),
                Arguments.of("PT25M", Duration.ofMinutes(25)),
                Arguments.of("1995-07-13T09:00:00-04:00", Duration.ofDays(12).plusHours(9)),
                Arguments.of("1995-07-01T04:00:00Z", Duration.ZERO),
                Arguments.of("1995-07-01T04:00:01.5Z", Duration.ofMillis(1500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesOffsetsFromTheTraceStart(String text, Duration expected) {
        assertThat(TraceOffsets.parse(text, NASA_START)).isEqualTo(expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "empty trace offset"),
                Arguments.of("25", "is not an offset like"),
                Arguments.of("m", "is not an offset like"),
                Arguments.of("25x", "is not an offset like"),
                Arguments.of("-5m", "is not an offset like"),
                Arguments.of("2.5h", "is not an offset like"),
                Arguments.of("PT-5M", "is negative"),
                Arguments.of("Pfoo", "is not an offset like"),
                Arguments.of(
                        "1995-07-13T09:00:00", "is not an ISO-8601 date-time with a zone offset"),
                Arguments.of(
                        "1995-06-30T00:00:00Z", "is before the trace start 1995-07-01T04:00:00Z"),
                Arguments.of("9999999999999d", "is not an offset like"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("invalid")
    void rejectsWithTheValueInTheMessage(String text, String expected) {
        assertThatThrownBy(() -> TraceOffsets.parse(text, NASA_START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }
}
