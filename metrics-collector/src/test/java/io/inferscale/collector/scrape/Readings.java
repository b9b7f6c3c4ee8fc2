package io.inferscale.collector.scrape;

import io.inferscale.collector.domain.scrape.PrometheusTextParser;
import io.inferscale.collector.domain.scrape.Reading;
import io.inferscale.collector.domain.scrape.ScrapeCounters;
import io.inferscale.collector.domain.scrape.SeriesSelector;
import io.inferscale.collector.domain.scrape.ServerAdapters;
import java.util.stream.Collectors;

/** Runs an adapter over one scrape, or over two in a row for the delta-based signals. */
final class Readings {
    private Readings() {}

    static Reading first(String kind, String model, String text) {
        return ServerAdapters.forKind(kind)
                .read(
                        PrometheusTextParser.parse(text),
                        new SeriesSelector(model),
                        ScrapeCounters.NONE);
    }

    static Reading second(String kind, String model, String previousText, String text) {
        Reading previous = first(kind, model, previousText);
        return ServerAdapters.forKind(kind)
                .read(
                        PrometheusTextParser.parse(text),
                        new SeriesSelector(model),
                        previous.counters());
    }

    /**
     * The same exposition with every sample of the named families at 0: the server as it was before
     * it served the requests the real capture counts, so the capture itself is the delta.
     */
    static String zeroed(String text, String... families) {
        return text.lines()
                .map(
                        line -> {
                            if (line.startsWith("#")) {
                                return line;
                            }
                            for (String f : families) {
                                if (line.startsWith(f)) {
                                    return line.substring(0, line.lastIndexOf(' ')) + " 0";
                                }
                            }
                            return line;
                        })
                .collect(Collectors.joining("\n"));
    }
}
