package io.inferscale.collector.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.window.WindowSettings;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WindowSettingsTest {
    static final Duration S1 = Duration.ofSeconds(1);
    static final Duration S60 = Duration.ofSeconds(60);

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("no sizes", List.of(), S1, "sizes: at least one"),
                arguments(
                        "sub-second size",
                        List.of(Duration.ofMillis(500), S60),
                        S1,
                        "whole number of seconds"),
                arguments(
                        "fractional seconds",
                        List.of(Duration.ofMillis(1500), S60),
                        S1,
                        "whole number of seconds"),
                arguments("duplicate sizes", List.of(S1, S1, S60), S1, "distinct"),
                arguments(
                        "no 60 s window for the rollups",
                        List.of(S1, Duration.ofSeconds(10)),
                        S1,
                        "must include PT1M"),
                arguments(
                        "negative allowance",
                        List.of(S60),
                        Duration.ofSeconds(-1),
                        "allowedLateness"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesWithTheFieldNamed(
            String name, List<Duration> sizes, Duration allowance, String msg) {
        assertThatThrownBy(() -> new WindowSettings(sizes, allowance, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(msg);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        WindowSettings d = WindowSettings.defaults();
        assertThat(d.sizes()).containsExactly(S1, Duration.ofSeconds(10), S60);
        assertThat(d.openSpan()).isEqualTo(Duration.ofSeconds(90));
        assertThat(new WindowSettings(List.of(S60, S1), S1, S1, S1).sizes())
                .containsExactly(S1, S60);
    }
}
