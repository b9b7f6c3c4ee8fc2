package io.inferscale.collector.domain.scrape;

/**
 * Hugging Face text-generation-inference. TGI exports no time-to-first-token histogram, so {@code
 * ttftMs} stays null.
 */
final class TgiAdapter implements ServerAdapter {
    static final String QUEUE_SIZE = "tgi_queue_size";
    static final String BATCH_SIZE = "tgi_batch_current_size";
    static final String DURATION = "tgi_request_duration";
    static final String QUEUE_DURATION = "tgi_request_queue_duration";
    private static final double SECONDS = 1000.0;

    @Override
    public Reading read(Exposition e, SeriesSelector selector, ScrapeCounters previous) {
        Histogram duration = Histogram.of(e, DURATION, selector);
        Histogram queue = Histogram.of(e, QUEUE_DURATION, selector);
        ReplicaSignals signals =
                new ReplicaSignals(
                        Gauges.sum(e, BATCH_SIZE, selector),
                        Gauges.sum(e, QUEUE_SIZE, selector),
                        null,
                        null,
                        null,
                        Latency.quantiles(previous.histogram(DURATION), duration, SECONDS),
                        Latency.mean(previous.histogram(DURATION), duration, SECONDS),
                        Latency.mean(previous.histogram(QUEUE_DURATION), queue, SECONDS));
        ScrapeCounters.Builder counters = new ScrapeCounters.Builder();
        counters.put(DURATION, duration);
        counters.put(QUEUE_DURATION, queue);
        boolean recognised = e.has(QUEUE_SIZE) || e.has(BATCH_SIZE) || duration != null;
        return new Reading(ServerAdapters.TGI, recognised, signals, counters.build());
    }
}
