package io.inferscale.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TraceOptionsTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "zero scale",
                        (Supplier<?>) () -> new TraceOptions(0, 0, null, null),
                        "scale"),
                Arguments.of(
                        "NaN scale",
                        (Supplier<?>) () -> new TraceOptions(Double.NaN, 0, null, null),
                        "scale"),
                Arguments.of(
                        "infinite scale",
                        (Supplier<?>)
                                () -> new TraceOptions(Double.POSITIVE_INFINITY, 0, null, null),
                        "scale"),
                Arguments.of(
                        "negative from",
                        (Supplier<?>) () -> new TraceOptions(1, 0, Duration.ofSeconds(-1), null),
                        "from"),
                Arguments.of(
                        "to before from",
                        (Supplier<?>)
                                () ->
                                        new TraceOptions(
                                                1, 0, Duration.ofHours(2), Duration.ofHours(1)),
                        "must be after from"),
                Arguments.of(
                        "empty window",
                        (Supplier<?>)
                                () ->
                                        new TraceOptions(
                                                1, 0, Duration.ofHours(1), Duration.ofHours(1)),
                        "must be after from"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, Supplier<?> options, String expected) {
        assertThatThrownBy(options::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void openWindowCoversEverything() {
        TraceOptions options = TraceOptions.defaults();

        assertThat(options.fromNanos()).isZero();
        assertThat(options.toNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(options.withWindow(null, Duration.ofDays(1_000_000)).toNanos())
                .isEqualTo(Long.MAX_VALUE);
    }
}
