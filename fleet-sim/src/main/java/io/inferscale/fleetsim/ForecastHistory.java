package io.inferscale.fleetsim;

import io.inferscale.core.trace.PerMinuteSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The {@code --forecast-history} series the predictive autoscaler trains on before the replay: the
 * minutes of a per-minute CSV that are over by the time the replay window starts (so the replayed
 * file itself, with {@code --from} after the history, gives exactly the days before the window),
 * scaled like the replay.
 *
 * @param counts requests per minute, NaN where missing
 * @param firstMinute the minute of {@code counts[0]}, counted from the replayed trace's start
 */
record ForecastHistory(double[] counts, long firstMinute) {

    static ForecastHistory load(Path file, double scale, Instant traceStart, Instant replayStart) {
        PerMinuteSeries series = PerMinuteSeries.read(file, scale);
        Duration offset = Duration.between(traceStart, series.start());
        if (offset.toNanos() % ForecastFeed.MINUTE_NANOS != 0) {
            throw new IllegalArgumentException(
                    "its minutes start at "
                            + series.start()
                            + ", not on the replayed trace's minute grid (trace start "
                            + traceStart
                            + ")");
        }
        int before = 0;
        while (before < series.size()
                && !series.minuteStart(before).plusSeconds(60).isAfter(replayStart)) {
            before++;
        }
        if (before == 0) {
            throw new IllegalArgumentException(
                    "it has no minute before the replay starts at " + replayStart);
        }
        return new ForecastHistory(
                Arrays.copyOf(series.counts(), before),
                offset.toNanos() / ForecastFeed.MINUTE_NANOS);
    }

    int minutes() {
        return counts.length;
    }
}
