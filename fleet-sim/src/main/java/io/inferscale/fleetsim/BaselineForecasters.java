package io.inferscale.fleetsim;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.HoltWinters;
import io.inferscale.core.forecast.SeasonalNaive;
import io.inferscale.core.forecast.TrailingMean;
import java.time.Duration;
import java.util.List;

/**
 * The forecasters {@code --forecaster} selects for the predictive autoscaler: core's pure
 * baselines, named as forecast-service names them. The DNN lives in forecast-service (it needs the
 * TensorFlow engine) and is not available here.
 */
final class BaselineForecasters {

    /**
     * The default, measured on the NASA benchmark in docs/benchmarks.md ("Hybrid predictive
     * scaling").
     */
    static final String DEFAULT = "trailing-mean";

    /** No forecast at all: the decider's reactive and panic terms alone, for ablations. */
    static final String NONE = "none";

    static final List<String> NAMES =
            List.of(
                    "seasonal-naive-daily",
                    "seasonal-naive-weekly",
                    "trailing-mean",
                    "holt-winters",
                    NONE);

    private BaselineForecasters() {}

    /**
     * @param horizonSteps the furthest step the autoscaler reads: the trailing mean and
     *     Holt-Winters measure their error quantiles only that far, which keeps hourly refits cheap
     * @return null for {@link #NONE}
     */
    static DemandForecaster create(String name, int horizonSteps) {
        return switch (name) {
            case "seasonal-naive-daily" -> SeasonalNaive.daily();
            case "seasonal-naive-weekly" -> SeasonalNaive.weekly();
            case "trailing-mean" -> new TrailingMean(TrailingMean.DEFAULT_WINDOW, horizonSteps);
            case "holt-winters" -> new HoltWinters(HoltWinters.DAILY, horizonSteps);
            case NONE -> null;
            default ->
                    throw new IllegalArgumentException(
                            "unknown forecaster \""
                                    + name
                                    + "\"; known: "
                                    + String.join(", ", NAMES));
        };
    }

    /** How many minutes of recent history a forecast call gets: enough for the longest lag. */
    static int recentMinutes(String name) {
        return (int)
                (name.equals("seasonal-naive-weekly") ? Duration.ofDays(8) : Duration.ofDays(3))
                        .toMinutes();
    }
}
