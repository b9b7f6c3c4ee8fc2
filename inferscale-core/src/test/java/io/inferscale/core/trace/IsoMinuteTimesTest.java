package io.inferscale.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The positional fast path agrees with {@link OffsetDateTime#parse} on everything it accepts or
 * rejects.
 */
class IsoMinuteTimesTest {

    static Stream<String> valid() {
        return Stream.of(
                "1995-07-01T00:00:00-04:00",
                "1995-07-01T23:59:59+05:30",
                "2024-02-29T12:00:00Z",
                "1969-12-31T23:59:00+18:00",
                "1995-07-01T00:00:00.500-04:00",
                "1995-07-01T00:00-04:00");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void agreesWithTheJdkParser(String text) {
        IsoMinuteTimes times = new IsoMinuteTimes();
        times.epochSecond("1995-07-02T00:00:00Z"); // a cached day must not leak into the next value

        assertThat(times.epochSecond(text)).isEqualTo(OffsetDateTime.parse(text).toEpochSecond());
    }

    static Stream<String> invalid() {
        return Stream.of(
                "1995-02-30T00:00:00Z",
                "1995-07-01T24:00:00Z",
                "1995-07-01T00:60:00-04:00",
                "1995-07-01T00:00:00+18:30",
                "1995-07-01T00:00:00",
                "1995-07-01 00:00:00Z",
                "199a-07-01T00:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsWhatTheJdkRejects(String text) {
        assertThatThrownBy(() -> new IsoMinuteTimes().epochSecond(text))
                .isInstanceOf(DateTimeException.class);
    }
}
