package io.inferscale.collector.domain.scrape;

import java.util.HashMap;
import java.util.Map;

/**
 * The cumulative values of one target's last good scrape that the next scrape needs for its deltas.
 * The scrape loop keeps one per target and hands it back in; nothing here is global.
 */
public record ScrapeCounters(Map<String, Histogram> histograms, Map<String, Totals> totals) {
    public static final ScrapeCounters NONE = new ScrapeCounters(Map.of(), Map.of());

    public ScrapeCounters {
        histograms = Map.copyOf(histograms);
        totals = Map.copyOf(totals);
    }

    public Histogram histogram(String key) {
        return histograms.get(key);
    }

    public Totals totals(String key) {
        return totals.get(key);
    }

    /** Collects the counters of the scrape being read. */
    static final class Builder {
        private final Map<String, Histogram> histograms = new HashMap<>();
        private final Map<String, Totals> totals = new HashMap<>();

        void put(String key, Histogram h) {
            if (h != null) {
                histograms.put(key, h);
            }
        }

        void put(String key, Totals t) {
            if (t != null) {
                totals.put(key, t);
            }
        }

        ScrapeCounters build() {
            return new ScrapeCounters(histograms, totals);
        }
    }
}
