package io.inferscale.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.SeriesQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeriesQueryTest {
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("blank model", " ", T, T.plusSeconds(60), Duration.ofSeconds(1), "model"),
                arguments(
                        "empty range", "m", T, T, Duration.ofSeconds(1), "to: must be after from"),
                arguments(
                        "sub-second step",
                        "m",
                        T,
                        T.plusSeconds(60),
                        Duration.ofMillis(500),
                        "step"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsWithTheFieldNamed(
            String name, String model, Instant from, Instant to, Duration step, String msg) {
        assertThatThrownBy(() -> new SeriesQuery(model, from, to, step))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(msg);
    }

    @Test
    void countsPointsRoundingUpAndCapsThem() {
        SeriesQuery q = new SeriesQuery("m", T, T.plusSeconds(61), Duration.ofSeconds(10));
        assertThat(q.points()).isEqualTo(7);
        assertThatThrownBy(() -> q.requireAtMost(6))
                .hasMessageContaining("7 points requested, at most 6");
        assertThat(q.requireAtMost(7)).isSameAs(q);
    }
}
