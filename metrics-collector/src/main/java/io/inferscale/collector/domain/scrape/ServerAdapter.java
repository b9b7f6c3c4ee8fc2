package io.inferscale.collector.domain.scrape;

/**
 * Maps one server's metric names to {@link ReplicaSignals}: the plug point for a new inference
 * server (one class, registered in {@link ServerAdapters}).
 */
public interface ServerAdapter {
    /**
     * @param previous the counters of this target's previous good scrape, {@link
     *     ScrapeCounters#NONE} on the first
     */
    Reading read(Exposition exposition, SeriesSelector selector, ScrapeCounters previous);
}
