package io.inferscale.core.forecast;

import static io.inferscale.core.forecast.Series.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Holt-Winters on noisy series with a known signal: close to the signal, calibrated p90. */
class HoltWintersTest {

    static Stream<Arguments> noisySignals() {
        return Stream.of(
                arguments("daily sine, sd 3", Series.dailySine(100, 30), 3.0),
                arguments(
                        "rising trend + daily sine, sd 3",
                        Series.trendAndSeason(100, 0.005, 30),
                        3.0),
                arguments(
                        "falling trend + daily sine, sd 5",
                        Series.trendAndSeason(300, -0.004, 50),
                        5.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noisySignals")
    void tracksTheSignalUnderNoise(String name, IntToDoubleFunction signal, double sd) {
        int train = 7 * DAY;
        DemandSeries observed = Series.minutes(9 * DAY, Series.noisy(signal, sd, 42));
        HoltWinters hw = new HoltWinters();
        hw.fit(observed.slice(0, train));

        assertThat(hw.parameters().alpha()).isBetween(0.0, 1.0);
        assertThat(hw.parameters().beta()).isBetween(0.0, 1.0);
        assertThat(hw.parameters().gamma()).isBetween(0.0, 1.0);

        // Forecast 30 minutes ahead from every hour of the two days after training.
        double absError = 0;
        int n = 0;
        int covered = 0;
        for (int origin = train; origin + 30 <= observed.size(); origin += 60) {
            QuantileForecast fc =
                    hw.forecast(observed.slice(0, origin), 30, new double[] {0.5, 0.9});
            for (int h = 1; h <= 30; h++) {
                int t = origin + h - 1;
                absError += Math.abs(fc.at(0.5, h) - signal.applyAsDouble(t));
                covered += observed.at(t) <= fc.at(0.9, h) ? 1 : 0;
                n++;
            }
        }
        // The 1,440 seasonal terms are estimated from seven noisy days (error about sd / sqrt(7)):
        // the forecast misses the signal by a fraction of the noise. The p90 comes from in-sample
        // errors, a little optimistic for the same reason (0.86 here).
        assertThat(absError / n).as("mean |p50 - signal|").isLessThan(0.5 * sd);
        assertThat((double) covered / n).as("p90 coverage").isBetween(0.8, 0.96);
    }

    @Test
    void followsAWanderingLevel() {
        // Level: a random walk (sd 0.5 per minute) under a daily sine, plus noise of sd 2.
        Random random = new Random(3);
        int n = 8 * DAY;
        double[] signal = new double[n];
        double level = 200;
        for (int t = 0; t < n; t++) {
            level += 0.5 * random.nextGaussian();
            signal[t] = level + 40 * Math.sin(2 * Math.PI * t / DAY);
        }
        DemandSeries observed = Series.minutes(n, Series.noisy(t -> signal[t], 2, 4));
        HoltWinters hw = new HoltWinters();
        hw.fit(observed.slice(0, 7 * DAY));

        assertThat(hw.parameters().alpha()).as("alpha").isGreaterThan(0.05);
        double absError = 0;
        int count = 0;
        for (int origin = 7 * DAY; origin + 5 <= n; origin += 60) {
            QuantileForecast fc = hw.forecast(observed.slice(0, origin), 5, new double[] {0.5});
            absError += Math.abs(fc.at(0.5, 5) - signal[origin + 4]);
            count++;
        }
        // A random walk drifts sqrt(5) * 0.5 ~ 1.1 in five minutes; a frozen level would be far
        // off.
        assertThat(absError / count).as("mean |p50 - signal| at step 5").isLessThan(3.0);
    }
}
