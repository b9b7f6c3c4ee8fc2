package io.inferscale.fleetsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.QuantileForecast;
import io.inferscale.core.scaling.hybrid.ForecastView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastFeedTest {
    private static final long S = 1_000_000_000L;
    private static final long MINUTE = 60 * S;
    private static final Instant START = Instant.parse("1995-07-01T04:00:00Z");

    /** Records what it is given; forecasts the last value it saw, needs {@code minSteps}. */
    static final class Recorder implements DemandForecaster {
        final int minSteps;
        final List<DemandSeries> fitted = new ArrayList<>();
        final List<DemandSeries> asked = new ArrayList<>();

        Recorder(int minSteps) {
            this.minSteps = minSteps;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void fit(DemandSeries history) {
            if (history.size() < minSteps) {
                throw new IllegalArgumentException("too short");
            }
            fitted.add(history);
        }

        @Override
        public QuantileForecast forecast(DemandSeries recent, int horizon, double[] levels) {
            asked.add(recent);
            double[] row = new double[horizon];
            Arrays.fill(row, recent.at(recent.size() - 1));
            return new QuantileForecast(recent.end(), recent.step(), levels, new double[][] {row});
        }
    }

    /**
     * One sample a second at {@code perSecond(minute)} requests/s, from {@code from} to {@code to}
     * s.
     */
    private static void feed(ForecastFeed feed, long from, long to, double perSecond) {
        for (long s = from; s <= to; s++) {
            feed.observe(s * S, perSecond);
        }
    }

    @Test
    void countsWholeMinutesAndForecastsOnlyFromMinutesThatAreOver() {
        Recorder f = new Recorder(2);
        ForecastFeed feed = new ForecastFeed(f, START, null, 0, Duration.ofHours(1), 60, 4);
        feed(feed, 1, 60, 2); // minute 0: 120 requests
        assertThat(feed.latest()).as("minute 0 is over only when minute 1 has a sample").isNull();
        feed(feed, 61, 120, 3); // minute 1: 180
        feed(feed, 121, 121, 5); // first sample of minute 2 closes minute 1

        ForecastView v = feed.latest();
        assertThat(v).isNotNull();
        assertThat(v.originNanos()).isEqualTo(2 * MINUTE);
        assertThat(v.stepNanos()).isEqualTo(MINUTE);
        assertThat(v.p90RequestsPerSecond()).containsExactly(3, 3, 3, 3); // 180 / 60 s
        assertThat(f.fitted.get(0).values()).containsExactly(120, 180);
        assertThat(f.fitted.get(0).start()).isEqualTo(START);
        for (DemandSeries recent : f.asked) {
            assertThat(recent.end()).isBeforeOrEqualTo(START.plusSeconds(120));
        }
    }

    @Test
    void noForecastUntilTheForecasterAcceptsTheSeries() {
        Recorder f = new Recorder(5);
        ForecastFeed feed = new ForecastFeed(f, START, null, 0, Duration.ofHours(1), 60, 4);
        feed(feed, 1, 4 * 60 + 1, 1);
        assertThat(feed.latest()).isNull(); // 4 minutes over
        feed(feed, 4 * 60 + 2, 5 * 60 + 1, 1);
        assertThat(feed.latest()).isNotNull(); // 5
        assertThat(feed.fits()).isEqualTo(1);
    }

    @Test
    void refitsOnceAnIntervalOnEverythingSoFarHistoryFirst() {
        Recorder f = new Recorder(1);
        double[] history = {10, 20, 30};
        ForecastFeed feed = new ForecastFeed(f, START, history, 100, Duration.ofMinutes(30), 60, 4);
        // The replay starts at minute 103 and runs 90 minutes.
        feed(feed, 103 * 60 + 1, (103 + 90) * 60 + 1, 1);

        assertThat(feed.fits()).isEqualTo(3); // minutes 103, 133, 163
        assertThat(f.fitted.get(0).start()).isEqualTo(START.plus(Duration.ofMinutes(100)));
        assertThat(f.fitted.get(0).values()).containsExactly(10, 20, 30, 60);
        assertThat(f.fitted.get(2).size()).isEqualTo(3 + 61);
    }

    @Test
    void minutesBetweenHistoryAndReplayAreMissingNotZero() {
        Recorder f = new Recorder(1);
        ForecastFeed feed =
                new ForecastFeed(f, START, new double[] {10}, 0, Duration.ofHours(1), 60, 4);
        feed(feed, 3 * 60 + 1, 4 * 60 + 1, 1); // replay from minute 3

        assertThat(f.fitted.get(0).values()).containsExactly(10, Double.NaN, Double.NaN, 60);
    }

    @Test
    void noneNeverForecasts() {
        ForecastFeed feed = new ForecastFeed(null, START, null, 0, Duration.ofHours(1), 60, 4);
        feed(feed, 1, 600, 1);

        assertThat(feed.latest()).isNull();
    }
}
