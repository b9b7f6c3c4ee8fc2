package io.inferscale.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.QuantileForecast;
import io.inferscale.core.forecast.TrailingMean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForecasterRegistryTest {

    @Test
    void theStandardSetIsTheBaselinesInReportOrder() {
        ForecasterRegistry registry = ForecasterRegistry.standard();
        assertThat(registry.names())
                .containsExactly(
                        "seasonal-naive-daily",
                        "seasonal-naive-weekly",
                        "trailing-mean",
                        "holt-winters");
        for (String name : registry.names()) {
            DemandForecaster a = registry.create(name);
            assertThat(a.name()).isEqualTo(name);
            assertThat(registry.create(name)).as("a fresh instance each time").isNotSameAs(a);
        }
    }

    @Test
    void aRegisteredForecasterIsCreatedByName() {
        ForecasterRegistry registry =
                ForecasterRegistry.standard().register("mean-2", () -> new Named("mean-2"));
        assertThat(registry.names()).endsWith("mean-2");
        assertThat(registry.create("mean-2").name()).isEqualTo("mean-2");
    }

    static Stream<Arguments> misuse() {
        return Stream.of(
                arguments(
                        "a name registered twice",
                        (Consumer<ForecasterRegistry>)
                                r -> r.register("trailing-mean", TrailingMean::new),
                        "is registered"),
                arguments(
                        "an unknown name",
                        (Consumer<ForecasterRegistry>) r -> r.create("dnn"),
                        "unknown forecaster \"dnn\"; known: seasonal-naive-daily"),
                arguments(
                        "a factory whose forecaster calls itself otherwise",
                        (Consumer<ForecasterRegistry>)
                                r -> r.register("alias", TrailingMean::new).create("alias"),
                        "registered as alias calls itself trailing-mean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuse")
    void refuses(String name, Consumer<ForecasterRegistry> misuse, String message) {
        assertThatThrownBy(() -> misuse.accept(ForecasterRegistry.standard()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    /** A trailing mean under another name, as a stand-in for a newly registered forecaster. */
    private static final class Named implements DemandForecaster {
        private final String name;
        private final TrailingMean delegate = new TrailingMean();

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void fit(DemandSeries history) {
            delegate.fit(history);
        }

        @Override
        public QuantileForecast forecast(DemandSeries recent, int horizon, double[] levels) {
            return delegate.forecast(recent, horizon, levels);
        }
    }
}
